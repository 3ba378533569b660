package org.influxshell.configs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The profiles of one configs file, sorted by name, with the rules that decide which one is
 * active. Immutable.
 */
public final class Profiles {

	private final TreeMap<String, Profile> byName = new TreeMap<>();

	public Profiles(Collection<Profile> profiles) {
		profiles.forEach(p -> byName.put(p.name(), p));
	}

	public static Profiles empty() {
		return new Profiles(List.of());
	}

	/** All profiles, sorted by name. */
	public List<Profile> all() {
		return List.copyOf(byName.values());
	}

	public boolean isEmpty() {
		return byName.isEmpty();
	}

	public Optional<Profile> get(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	/** The profile named, or the {@code config "NAME" is not found} failure. */
	public Profile require(String name) {
		return get(name).orElseThrow(() -> ProfileErrors.notFound(name));
	}

	/**
	 * The active profile: the one marked active; with none marked, the only profile or the first by
	 * name; with several marked, the first marked by name; with no profiles, the built-in default.
	 */
	public Profile active() {
		return markedActive().stream().findFirst()
			.or(() -> byName.values().stream().findFirst())
			.orElseGet(Profile::builtInDefault);
	}

	/**
	 * Why {@link #active()} had to guess, or empty when the file says plainly which profile is
	 * active.
	 */
	public Optional<String> activeAmbiguity() {
		List<Profile> marked = markedActive();
		if (marked.size() > 1) {
			return Optional.of("several configs are marked active; using \"" + marked.get(0).name() + "\"");
		}
		if (marked.isEmpty() && byName.size() > 1) {
			return Optional.of("no config is marked active; using \"" + active().name() + "\"");
		}
		return Optional.empty();
	}

	private List<Profile> markedActive() {
		return byName.values().stream().filter(Profile::active).toList();
	}

	/** A copy with {@code profile} added or replaced. */
	public Profiles with(Profile profile) {
		return edit(list -> {
			list.removeIf(p -> p.name().equals(profile.name()));
			list.add(profile);
		});
	}

	/** A copy without the named profile. */
	public Profiles without(String name) {
		return edit(list -> list.removeIf(p -> p.name().equals(name)));
	}

	/**
	 * A copy where {@code name} is the only active profile and the one marked active before (if it
	 * was another) is the only previous one.
	 */
	public Profiles activate(String name) {
		String before = markedActive().stream().findFirst().map(Profile::name).orElse(null);
		return edit(list -> list.replaceAll(p -> p.withActive(p.name().equals(name))
			.withPrevious(!name.equals(before) && p.name().equals(before))));
	}

	private Profiles edit(Consumer<List<Profile>> change) {
		List<Profile> list = new ArrayList<>(byName.values());
		change.accept(list);
		list.sort(Comparator.comparing(Profile::name));
		return new Profiles(list);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Profiles other && byName.equals(other.byName);
	}

	@Override
	public int hashCode() {
		return byName.hashCode();
	}
}
