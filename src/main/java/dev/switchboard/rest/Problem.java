package dev.switchboard.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail. {@code pointer} (an extension member) is the JSON Pointer of the offending value in
 * the request body, when there is one.
 *
 * <p>Registered for reflection because {@link ProblemMapper} writes it with a plain mapper inside a {@code Response}:
 * the framework registers only the types that endpoints declare, and in a native image Jackson would otherwise find
 * no properties and every error body would lose its detail.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String pointer) {
}
