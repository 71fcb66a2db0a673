package dev.switchboard.service;

import java.util.regex.Pattern;

/** The one rule for policy names and arm ids: 1–128 characters of {@code [A-Za-z0-9._:/-]}. */
public final class Identifiers {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    private Identifiers() {
    }

    /** @throws InvalidInputException naming {@code what} and {@code pointer} if the id breaks the rule */
    public static String require(String id, String what, String pointer) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new InvalidInputException(what + " must be 1-128 characters of [A-Za-z0-9._:/-], got "
                    + (id == null ? "nothing" : "\"" + abbreviate(id) + "\""), pointer);
        }
        return id;
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
