package org.influxshell.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;

/**
 * Reads the API's JSON answers, the same way for every client: an empty body or one that is not
 * the expected JSON is a {@link TransportException} that names the request and where the JSON
 * went wrong, and never quotes the body (it may hold a token) nor names a class of ours.
 *
 * <p>Answers read often (tokens) are read with Jackson's streaming parser and a {@link ValueReader}
 * of their own, by the rules of Jackson's data binding ({@link #object}, {@link #text}): the
 * data-binding mapper costs a one-shot command about 25 ms to set up, and is made only for the
 * answers read as trees and for request bodies.
 */
public final class JsonBodies {

	/** The streaming parser alone, quick to set up. */
	private static final JsonFactory PARSERS = new JsonFactory();

	private JsonBodies() {
	}

	/** Reads one JSON value, the parser standing on its first token, and leaves it on its last. */
	@FunctionalInterface
	public interface ValueReader<T> {

		/**
		 * @return the value, or {@code null} for a JSON {@code null}
		 * @throws IOException a parse error, or {@link #unexpected} for a value of the wrong shape
		 */
		T read(JsonParser p) throws IOException;
	}

	/** Reads the value of one field of an object, the parser standing on its first token. */
	@FunctionalInterface
	public interface FieldReader {

		/** @param field the field's place in the list of names given to {@link #object} */
		Object read(int field, JsonParser p) throws IOException;
	}

	/** {@code value} as JSON text, for a request body. */
	public static String write(Object value) {
		try {
			return Databind.JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write a request body: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The body as one value, read by {@code reader}. */
	public static <T> T read(HttpResponse r, ValueReader<T> reader, HttpMethod method, String path) {
		requireBody(r, method, path);
		try (JsonParser p = PARSERS.createParser(r.body())) {
			if (p.nextToken() == null) {
				throw unexpected(p);
			}
			T value = reader.read(p);
			if (value == null) {
				throw notExpected(method, path, "null", null);
			}
			return value;
		}
		catch (IOException ex) {
			throw malformed(method, path, ex);
		}
	}

	/** The body as a JSON tree, for answers read field by field. */
	public static JsonNode tree(HttpResponse r, HttpMethod method, String path) {
		requireBody(r, method, path);
		try {
			JsonNode value = Databind.JSON.readValue(r.body(), JsonNode.class);
			if (value == null) {
				throw notExpected(method, path, "null", null);
			}
			return value;
		}
		catch (IOException ex) {
			throw malformed(method, path, ex);
		}
	}

	/**
	 * The elements of the array {@code field} of the body's top object, each read by
	 * {@code reader}, streamed: the body is never held as a tree (a list may have 100,000 elements).
	 */
	public static <T> List<T> list(HttpResponse r, String field, ValueReader<T> reader, HttpMethod method, String path) {
		requireBody(r, method, path);
		List<T> out = new ArrayList<>();
		try (JsonParser p = PARSERS.createParser(r.body())) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw notExpected(method, path, "not an object", p.currentLocation());
			}
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (!name.equals(field)) {
					p.skipChildren();
					continue;
				}
				if (value != JsonToken.START_ARRAY) {
					throw notExpected(method, path, "\"" + field + "\" is not a list", p.currentLocation());
				}
				while (p.nextToken() != JsonToken.END_ARRAY) {
					out.add(reader.read(p));
				}
			}
			return out;
		}
		catch (IOException ex) {
			throw malformed(method, path, ex);
		}
	}

	/**
	 * One object read as Jackson's data binding reads a record whose components are
	 * {@code names}: {@code null} for a JSON {@code null}; fields of other names skipped; a field
	 * given twice before the last of the names was seen read again; the record made as soon as every
	 * name was seen, else at the end of the object; a name seen again once it is made refused with
	 * no place (a list's value read first, as data binding reads it into the list the record holds);
	 * anything but an object refused where it stands, as is a record its constructor refuses.
	 * @param lists the names whose values are lists
	 * @param values reads a named field's value that is not {@code null}
	 * @param make the record from the values, in the order of {@code names} ({@code null} when not given)
	 */
	public static <T> T object(JsonParser p, List<String> names, Set<String> lists, FieldReader values,
			Function<Object[], T> make) throws IOException {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_OBJECT) {
			throw wrongShape(p);
		}
		Object[] read = new Object[names.size()];
		boolean[] seen = new boolean[names.size()];
		int missing = names.size();
		T made = null;
		t = p.nextToken();
		while (t == JsonToken.FIELD_NAME) {
			int field = names.indexOf(p.currentName());
			JsonToken value = p.nextToken();
			if (field < 0) {
				p.skipChildren();
			}
			else if (made != null) {
				if (value != JsonToken.VALUE_NULL && lists.contains(names.get(field))) {
					values.read(field, p);
				}
				throw new WrongShape(null);
			}
			else {
				read[field] = value == JsonToken.VALUE_NULL ? null : values.read(field, p);
				if (!seen[field]) {
					seen[field] = true;
					if (--missing == 0) {
						p.nextToken();
						made = make(p, make, read);
						t = p.currentToken();
						continue;
					}
				}
			}
			t = p.nextToken();
		}
		return made != null ? made : make(p, make, read);
	}

	private static <T> T make(JsonParser p, Function<Object[], T> make, Object[] values) throws IOException {
		try {
			return make.apply(values);
		}
		catch (RuntimeException ex) {
			throw unexpected(p);
		}
	}

	/**
	 * The current value as text, as Jackson's data binding reads a {@code String}: a string, a
	 * number or a boolean as written, {@code null} for {@code null}; an object or an array is refused.
	 */
	public static String text(JsonParser p) throws IOException {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != null && t.isScalarValue()) {
			return p.getText();
		}
		throw unexpected(p);
	}

	/**
	 * An array read as Jackson's data binding reads a {@code List}: {@code null} for {@code null},
	 * {@code null} elements kept; anything but an array refused where it stands.
	 */
	public static <T> List<T> array(JsonParser p, ValueReader<T> elements) throws IOException {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_ARRAY) {
			throw wrongShape(p);
		}
		List<T> out = new ArrayList<>();
		while (p.nextToken() != JsonToken.END_ARRAY) {
			out.add(p.currentToken() == JsonToken.VALUE_NULL ? null : elements.read(p));
		}
		return out;
	}

	/** A value of the wrong shape where the parser stands: reported as a parse error is, with its place. */
	public static IOException unexpected(JsonParser p) {
		return new WrongShape(p.currentTokenLocation());
	}

	/** {@link #unexpected}, once a string is read whole, as data binding reads it before refusing it. */
	private static IOException wrongShape(JsonParser p) throws IOException {
		if (p.currentToken() == JsonToken.VALUE_STRING) {
			p.getText();
		}
		return unexpected(p);
	}

	/** A value of the wrong shape, at its place in the body. */
	private static final class WrongShape extends JsonProcessingException {

		private static final long serialVersionUID = 1L;

		WrongShape(JsonLocation at) {
			super("a value of the wrong shape", at);
		}
	}

	private static void requireBody(HttpResponse r, HttpMethod method, String path) {
		if (r.isEmpty()) {
			throw new TransportException(method + " " + path + ": empty response body", null);
		}
	}

	/**
	 * Where the JSON went wrong, and nothing of what the parser said: its message quotes the body,
	 * which may hold a token, and names our classes. So the parser's exception is not kept as the cause.
	 */
	private static TransportException malformed(HttpMethod method, String path, IOException ex) {
		JsonLocation at = ex instanceof JsonProcessingException json ? json.getLocation() : null;
		return notExpected(method, path, at == null ? "unreadable" : "", at);
	}

	private static TransportException notExpected(HttpMethod method, String path, String why, JsonLocation at) {
		String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
		String detail = why.isEmpty() ? where : where.isEmpty() ? why : why + ", " + where;
		return new TransportException(method + " " + path + ": the server's answer is not the expected JSON ("
				+ detail + ")", null);
	}

	/** The data-binding mapper, made only for the answers read as trees and for request bodies. */
	private static final class Databind {

		static final ObjectMapper JSON = new ObjectMapper()
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
	}
}
