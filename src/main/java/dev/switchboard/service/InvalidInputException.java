package dev.switchboard.service;

/** A request that is malformed or breaks a rule of the contract (400). {@code pointer} is the JSON Pointer of the offending value, or null. */
public class InvalidInputException extends RuntimeException {

    private final String pointer;

    public InvalidInputException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }

    /** The JSON Pointer of member {@code name} of the object at {@code parent} (RFC 6901: "~" and "/" escaped). */
    public static String member(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
