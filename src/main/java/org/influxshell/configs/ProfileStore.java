package org.influxshell.configs;

import java.util.function.UnaryOperator;

/** Where the connection profiles live. */
public interface ProfileStore {

	/** The profiles as stored now; none when nothing is stored yet. */
	Profiles read();

	/**
	 * Reads the profiles, applies {@code change} and stores the result, as one step that no other
	 * writer can interleave with. When {@code change} throws, nothing is stored; when it changes
	 * nothing, nothing is written and no lock is taken. {@code change} may be applied more than
	 * once (first to see whether it changes anything), so it must not rely on being called once.
	 * @return the profiles as stored afterwards
	 */
	Profiles update(UnaryOperator<Profiles> change);
}
