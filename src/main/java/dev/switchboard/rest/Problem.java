package dev.switchboard.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code pointer} (an extension member) is the JSON Pointer of the offending value in
 * the request body, when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String pointer) {
}
