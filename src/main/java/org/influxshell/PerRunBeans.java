package org.influxshell;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes every bean of the feature packages ({@code org.influxshell.*}: the command sets, services,
 * clients, the configs file, the settings) one run's: the context never makes them itself, and
 * {@link Runs} makes them for each run from that run's {@code Invocation} and settings. What all
 * runs share is declared in the application class, in this package, and stays a singleton. A
 * bean added to a feature is thus one run's without being marked: nothing of one run can reach
 * another by being forgotten. Spring AOT runs this at build time as well, so the generated bean
 * definitions carry the scope.
 */
final class PerRunBeans implements BeanFactoryPostProcessor {

	/** The scope of a run's beans. No scope of this name is registered: asked outside a run, they fail. */
	static final String SCOPE = "run";

	private static final String FEATURES = PerRunBeans.class.getPackageName() + ".";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			// a scanned component's class, or the configuration class of a @Bean method; the
			// definitions Spring AOT generated have no such metadata, and carry their scope already
			if (beanFactory.getBeanDefinition(name) instanceof AnnotatedBeanDefinition definition
					&& inAFeature(definition.getMetadata().getClassName())) {
				definition.setScope(SCOPE);
			}
		}
	}

	/** In a package below this one: not the application's own. */
	private static boolean inAFeature(String className) {
		return className != null && className.startsWith(FEATURES)
				&& className.indexOf('.', FEATURES.length()) > 0;
	}
}
