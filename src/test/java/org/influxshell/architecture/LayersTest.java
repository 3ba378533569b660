package org.influxshell.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.FileDescriptor;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.influxshell.Runs;
import org.influxshell.command.CommandSet;
import org.influxshell.command.Invocation;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The packages and what each may use, written out one by one. Arrows point down only: a command
 * travels parse (shell, command) → resolve (connection, configs) → call (http) → render (output),
 * and nothing below imports a feature or the shell.
 */
@AnalyzeClasses(packages = "org.influxshell", importOptions = { ImportOption.DoNotIncludeTests.class,
		LayersTest.NotGenerated.class })
class LayersTest {

	/** Spring AOT's generated bean definitions ({@code X__BeanDefinitions}) repeat the wiring; they are not code of ours. */
	static final class NotGenerated implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("__");
		}
	}

	@ArchTest
	static final ArchRule allowedDependencies = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("app").definedBy("org.influxshell")
		.layer("shell").definedBy("org.influxshell.shell..")
		.layer("auth").definedBy("org.influxshell.auth..")
		.layer("config").definedBy("org.influxshell.config..")
		.layer("daemon").definedBy("org.influxshell.daemon..")
		.layer("client").definedBy("org.influxshell.client..")
		.layer("command").definedBy("org.influxshell.command..")
		.layer("http").definedBy("org.influxshell.http..")
		.layer("connection").definedBy("org.influxshell.connection..")
		.layer("journal").definedBy("org.influxshell.journal..")
		.layer("configs").definedBy("org.influxshell.configs..")
		.layer("output").definedBy("org.influxshell.output..")
		.layer("cli").definedBy("org.influxshell.cli..")
		// wiring only: main and the application class; the warm console hands its requests the
		// daemon's HTTP clients (http)
		.whereLayer("app").mayOnlyAccessLayers("shell", "daemon", "command", "http", "cli")
		// the runtime: runners, dispatcher, REPL, help, completion
		.whereLayer("shell").mayOnlyAccessLayers("command", "configs", "connection", "cli")
		// the features
		// auth journals its changes and reads the journal back for auth journal and auth undo;
		// auth rotate rewrites the profiles that hold a token it replaces, and auth undo restores them
		.whereLayer("auth").mayOnlyAccessLayers("command", "http", "connection", "output", "cli", "journal", "configs")
		// config status asks each profile's server; config create/set check a CA file as the HTTP client reads it
		.whereLayer("config").mayOnlyAccessLayers("command", "configs", "connection", "http", "output", "cli")
		// the warm console: the daemon runs requests (command's Invocation), speaks the client's wire format
		.whereLayer("daemon").mayOnlyAccessLayers("client", "command", "connection", "cli")
		// the daemon's client starts on every warm command: JDK classes and the build's identity only
		.whereLayer("client").mayOnlyAccessLayers("cli")
		// the one command model
		.whereLayer("command").mayOnlyAccessLayers("connection", "cli")
		// one HTTP client
		.whereLayer("http").mayOnlyAccessLayers("connection", "cli")
		// flag > environment > profile > default
		.whereLayer("connection").mayOnlyAccessLayers("configs", "output", "cli")
		// the journal: a file of the user's, beside the configs file and written with the same care
		// (configs), found through influx.journal-path (connection), warning on stderr (cli)
		.whereLayer("journal").mayOnlyAccessLayers("configs", "connection", "cli")
		// the configs file
		.whereLayer("configs").mayOnlyAccessLayers("cli")
		// renderers, exit codes and the error reporter
		.whereLayer("output").mayOnlyAccessLayers("cli")
		.whereLayer("cli").mayNotAccessAnyLayer();

	/** The client is started without the application's class path: nothing but the JDK, {@code BuildInfo} and {@code UserHome}. */
	@ArchTest
	static final ArchRule clientUsesTheJdkOnly = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
		.that().resideInAPackage("org.influxshell.client..")
		.should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
				"the JDK's (jdk.net: the socket's peer credentials), the client's own, BuildInfo or UserHome",
				c -> c.getPackageName().startsWith("java.") || c.getPackageName().equals("jdk.net")
						|| c.getPackageName().startsWith("org.influxshell.client")
						|| c.getName().equals("org.influxshell.cli.BuildInfo")
						|| c.getName().equals("org.influxshell.cli.UserHome") || c.isPrimitive() || c.isArray()));

	/**
	 * The rule for the process arguments (settings, script, command words, mode) lives in
	 * {@code command.Launch} alone. The raw arguments go to its parser where they arrive (the cold
	 * {@code main}, the daemon's request), and on to Spring, which reads its settings from them
	 * (the environment of a daemon's request); everything else reads the {@code Launch}.
	 */
	@ArchTest
	static final ArchRule onlyLaunchReadsTheArguments = noClasses().should()
		.callMethodWhere(describe("read the raw launch arguments other than where they arrive", LayersTest::readsRawArguments));

	private static boolean readsRawArguments(JavaMethodCall call) {
		String target = call.getTargetOwner().getName() + "." + call.getName();
		String origin = call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName();
		if (origin.startsWith("org.influxshell.command.Launch.")) {
			return false;
		}
		return switch (target) {
			// where the arguments arrive: parsed once
			case "org.influxshell.command.Launch.parse" -> !origin.equals("org.influxshell.InfluxShellApplication.main")
					&& !origin.equals("org.influxshell.daemon.RequestRun.<init>");
			// a request's arguments: written and read by the wire format, parsed when the request is taken
			case "org.influxshell.client.Frames$Request.args" -> !origin.startsWith("org.influxshell.client.Frames")
					&& !origin.equals("org.influxshell.daemon.RequestRun.<init>");
			// Spring's settings, for the environment of a daemon's request
			case "org.influxshell.command.Launch.args" -> !origin.startsWith("org.influxshell.daemon.RequestEnvironment.");
			default -> false;
		};
	}

	/**
	 * A run is made at the edge, from one {@link Invocation}: the process's own
	 * ({@code ProcessInvocation}, for the cold {@code main}) or a daemon request's
	 * ({@code RequestRun}); {@code Runs} opens the run with it, and the run's objects get it from
	 * there. Nothing else makes one.
	 */
	@ArchTest
	static final ArchRule theRunIsMadeAtTheEdge = classes().that().implement(Invocation.class)
		.should().haveFullyQualifiedName("org.influxshell.shell.ProcessInvocation")
		.orShould().haveFullyQualifiedName("org.influxshell.daemon.RequestRun");

	/** Runs are opened where they arrive: the cold {@code main}, and the warm console for a request. */
	@ArchTest
	static final ArchRule runsAreOpenedAtTheEdge = noClasses()
		.that().doNotHaveFullyQualifiedName("org.influxshell.InfluxShellApplication")
		.and().doNotHaveFullyQualifiedName("org.influxshell.Runs")
		.should().callMethod(Runs.class, "open", Invocation.class, ConfigurableEnvironment.class);

	/**
	 * Below the edge, the process is read only through the run's {@link Invocation}: no class
	 * reads the process's environment variables or standard streams itself, so that two runs in
	 * one daemon never see each other's (or the daemon's). The exceptions read their own
	 * process's: the client (a process of its own), the process's {@code Invocation} and terminal
	 * flags, {@code main}, the daemon's log (its own stderr) and the JVM options it was started with.
	 */
	@ArchTest
	static final ArchRule onlyTheEdgeReadsTheProcess = noClasses()
		.that().resideOutsideOfPackage("org.influxshell.client..")
		.and().doNotHaveFullyQualifiedName("org.influxshell.shell.ProcessInvocation")
		.and().doNotHaveFullyQualifiedName("org.influxshell.shell.Terminals")
		.and().doNotHaveFullyQualifiedName("org.influxshell.InfluxShellApplication")
		.and().doNotHaveFullyQualifiedName("org.influxshell.daemon.DaemonServer")
		.and().doNotHaveFullyQualifiedName("org.influxshell.daemon.RequestRun")
		.should().callMethod(System.class, "getenv")
		.orShould().callMethod(System.class, "getenv", String.class)
		.orShould().accessField(System.class, "in")
		.orShould().accessField(System.class, "out")
		.orShould().accessField(System.class, "err")
		.orShould().accessField(FileDescriptor.class, "in")
		.orShould().accessField(FileDescriptor.class, "out")
		.orShould().accessField(FileDescriptor.class, "err");

	/**
	 * Only the command layer writes to stderr: a service returns its result and its warnings, or
	 * says what must appear while it runs through {@code command.Notes}, which the console
	 * implements; the command decides what reaches the person.
	 */
	@ArchTest
	static final ArchRule onlyTheCommandLayerWritesToStderr = noClasses()
		.that(describe("are outside the command layer", LayersTest::outsideTheCommandLayer))
		.should().dependOnClassesThat().haveFullyQualifiedName("org.influxshell.cli.Stderr");

	private static boolean outsideTheCommandLayer(JavaClass c) {
		JavaClass top = c;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		String name = top.getName();
		return !(top.getPackageName().equals("org.influxshell.shell")
				// the command handlers: what reaches the person is theirs to write; the InfluxDB 3
				// handlers are the ones the auth commands hand a v3 connection to
				|| top.isAssignableTo(CommandSet.class) || name.equals("org.influxshell.auth.V3Commands")
				// the wiring hands stderr on: to the commands, and as a Consumer<String> to the
				// configs file, the resolver and the journal, which sit below the command model
				|| top.isAnnotatedWith(Configuration.class)
				// the stream itself
				|| name.equals("org.influxshell.cli.Stderr")
				// --http-debug: each request and response is written while the exchange happens,
				// and the --skip-verify warning as each request goes out; the wiring gives the
				// HTTP layer the run's stderr, and http may use nothing of the command layer
				|| name.equals("org.influxshell.http.InfluxHttp") || name.equals("org.influxshell.http.HttpDebug"));
	}

	@ArchTest
	static final ArchRule noCycles = slices().matching("org.influxshell.(*)..").should().beFreeOfCycles();
}
