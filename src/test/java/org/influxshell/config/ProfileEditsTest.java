package org.influxshell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileEditsTest {

	static Profile p(String name, boolean active, boolean previous) {
		return new Profile(name, "http://" + name + ":1", "t" + name, "o" + name, active, previous, "");
	}

	Profiles abc = new Profiles(List.of(p("a", true, false), p("b", false, false), p("c", false, false)));

	static String marks(Profiles profiles) {
		StringBuilder s = new StringBuilder();
		profiles.all().forEach(x -> s.append(x.name()).append(x.active() ? "*" : "").append(x.previous() ? "^" : "").append(' '));
		return s.toString().trim();
	}

	@Test
	void useMarksActiveAndPrevious() {
		Profiles b = ProfileEdits.use(abc, "b");
		assertThat(marks(b)).isEqualTo("a^ b* c");
		assertThat(marks(ProfileEdits.use(b, "c"))).isEqualTo("a b^ c*");
		assertThat(marks(ProfileEdits.use(b, "-"))).isEqualTo("a* b^ c");
	}

	@Test
	void useOfTheActiveProfileChangesNothing() {
		Profiles b = ProfileEdits.use(abc, "b");
		assertThat(ProfileEdits.use(b, "b")).isSameAs(b);
	}

	@Test
	void useReportsUnknownAndMissingOrAmbiguousPrevious() {
		assertThatThrownBy(() -> ProfileEdits.use(abc, "zz")).hasMessage("config \"zz\" is not found");
		assertThatThrownBy(() -> ProfileEdits.use(abc, "-")).hasMessage("previous activated config is not found");
		Profiles two = new Profiles(List.of(p("a", true, false), p("b", false, true), p("c", false, true)));
		assertThatThrownBy(() -> ProfileEdits.use(two, "-")).hasMessage("more than one previous activated configs found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-", "list", "ls", "update", "set", "delete", "remove", "rm", "switch", "create", "use", "help" })
	void reservedNamesCannotBeCreated(String name) {
		var c = new ProfileEdits.Changes(name, "http://x:1", null, null, null, false);
		assertThatThrownBy(() -> ProfileEdits.create(abc, c))
			.hasMessage("failed to create config \"" + name + "\": \"" + name + "\" is not a valid config name");
	}

	@Test
	void createChecksNameAndDuplicates() {
		assertThatThrownBy(() -> ProfileEdits.create(abc, new ProfileEdits.Changes("", "http://x:1", null, null, null, false)))
			.hasMessage("failed to create config \"\": config name is empty");
		assertThatThrownBy(() -> ProfileEdits.create(abc, new ProfileEdits.Changes("a", "http://x:1", null, null, null, false)))
			.hasMessage("failed to create config \"a\": config \"a\" already exists");
	}

	@Test
	void createWithUserPasswordStoresACookie() {
		Profiles after = ProfileEdits.create(abc, new ProfileEdits.Changes("d", "http://d:1", null, "me:secret", "o", true));
		assertThat(after.require("d")).isEqualTo(new Profile("d", "http://d:1", "", "o", true, false, "bWU6c2VjcmV0"));
		assertThat(marks(after)).isEqualTo("a^ b c d*");
	}

	@Test
	void setChangesOnlyWhatIsGiven() {
		Profiles after = ProfileEdits.update(abc, new ProfileEdits.Changes("b", null, null, null, "neworg", false));
		assertThat(after.require("b")).isEqualTo(new Profile("b", "http://b:1", "tb", "neworg", false, false, ""));
		assertThatThrownBy(() -> ProfileEdits.update(abc, new ProfileEdits.Changes("zz", null, null, null, null, false)))
			.hasMessage("failed to update config \"zz\": config \"zz\" is not found");
	}

	@Test
	void setWithEmptyValuesLeavesThoseValuesAsUpstreamDoes() {
		Profile b = abc.require("b");
		assertThat(ProfileEdits.update(abc, new ProfileEdits.Changes("b", "", "", "", "", false)).require("b")).isEqualTo(b);
		assertThat(ProfileEdits.update(abc, new ProfileEdits.Changes("b", "", "", "me:pw", "", false)).require("b"))
			.isEqualTo(new Profile("b", "http://b:1", "", "ob", false, false, "bWU6cHc="));
		assertThat(ProfileEdits.update(abc, new ProfileEdits.Changes("b", null, "new", "", null, false)).require("b"))
			.isEqualTo(new Profile("b", "http://b:1", "new", "ob", false, false, ""));
	}

	@Test
	void removingTheActiveProfileActivatesTheFirstRemaining() {
		assertThat(marks(ProfileEdits.remove(abc, List.of("a", "zz")))).isEqualTo("b* c");
		assertThat(marks(ProfileEdits.remove(abc, List.of("c")))).isEqualTo("a* b");
		assertThat(ProfileEdits.remove(abc, List.of("a", "b", "c")).isEmpty()).isTrue();
	}

	@Test
	void activeFallsBackWhenTheFileIsUnclear() {
		Profiles none = new Profiles(List.of(p("b", false, false), p("a", false, false)));
		assertThat(none.active().name()).isEqualTo("a");
		assertThat(none.activeAmbiguity()).hasValue("no config is marked active; using \"a\"");
		Profiles two = new Profiles(List.of(p("b", true, false), p("c", true, false)));
		assertThat(two.active().name()).isEqualTo("b");
		assertThat(two.activeAmbiguity()).hasValue("several configs are marked active; using \"b\"");
		assertThat(new Profiles(List.of(p("z", false, false))).activeAmbiguity()).isEmpty();
	}
}
