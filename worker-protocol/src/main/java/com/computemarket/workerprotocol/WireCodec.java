package com.computemarket.workerprotocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text frames to {@link WireMessage}s and back. Thread-safe. Refuses, with a {@link WireFormatException} naming what is
 * wrong: frames over the size limit (before parsing), text that is not one JSON object, an unknown or missing
 * {@code type}, and fields of the wrong type or out of range. Unknown extra fields are ignored, so a newer peer can add
 * fields without breaking an older one.
 */
public final class WireCodec {

    /** 256 KiB: a job payload or a proof with its Merkle openings fits many times over. */
    public static final int DEFAULT_MAX_CHARS = 256 * 1024;
    private static final int MAX_NESTING = 64;
    private static final Map<Class<?>, String> TYPE_NAMES = Arrays.stream(
                    WireMessage.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private final ObjectMapper mapper;
    private final int maxChars;

    public WireCodec() {
        this(DEFAULT_MAX_CHARS);
    }

    public WireCodec(int maxChars) {
        if (maxChars < 64) {
            throw new IllegalArgumentException("maxChars must be at least 64");
        }
        this.maxChars = maxChars;
        JsonMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(maxChars).build());
        this.mapper = json;
    }

    /** The message's {@code type} on the wire ("job_result", "sign_result", …), from {@link WireMessage}'s own list. */
    public static String typeName(WireMessage message) {
        return TYPE_NAMES.get(message.getClass());
    }

    public int maxChars() {
        return maxChars;
    }

    public String encode(WireMessage message) {
        try {
            return mapper.writerFor(WireMessage.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
    }

    public WireMessage decode(String text) {
        if (text == null || text.isBlank()) {
            throw new WireFormatException(WireFormatException.MALFORMED, "an empty frame is not a message");
        }
        if (text.length() > maxChars) {
            throw new WireFormatException(WireFormatException.TOO_LARGE,
                    "a message may have at most " + maxChars + " characters; this one has " + text.length());
        }
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WireFormatException(WireFormatException.INVALID, "the message must be a JSON object with a \"type\"");
            }
            return mapper.readValue(parser, WireMessage.class);
        } catch (InvalidTypeIdException e) {
            if (e.getTypeId() == null) {
                throw new WireFormatException(WireFormatException.INVALID, "the message has no \"type\"");
            }
            throw new WireFormatException(WireFormatException.UNKNOWN_TYPE, "unknown message type \"" + e.getTypeId() + "\"");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WireFormatException(WireFormatException.INVALID, cause.getMessage());
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new WireFormatException(WireFormatException.INVALID,
                    field == null ? "the message must be a JSON object with a \"type\"" : "field \"" + field + "\" is missing or has the wrong type");
        } catch (JsonProcessingException e) {
            throw new WireFormatException(WireFormatException.MALFORMED, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /** Parses JSON text held elsewhere (a job's payload column) for a message; it must be valid JSON. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The compact JSON text of a tree (a proof, for storage). */
    public String text(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
