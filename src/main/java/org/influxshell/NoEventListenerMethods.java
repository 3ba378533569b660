package org.influxshell;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.stereotype.Component;

/**
 * Leaves Spring's search for {@code @EventListener} methods out of the context. Nothing in the
 * console declares one, and the search reads every method of every bean class, with its
 * annotations, at each start: about a tenth of a one-shot command's time, most of it loading
 * the classes those methods name (WebClient and Netty among them, for {@code config list} too).
 * Spring AOT runs this at build time as well, so the generated bean definitions never hold the search.
 */
@Component
class NoEventListenerMethods implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		for (String name : new String[] { AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
				AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME }) {
			if (registry.containsBeanDefinition(name)) {
				registry.removeBeanDefinition(name);
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		// nothing to change once the definitions are in
	}
}
