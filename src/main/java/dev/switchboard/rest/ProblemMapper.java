package dev.switchboard.rest;

import dev.switchboard.service.BodyTooLargeException;
import dev.switchboard.service.ConflictException;
import dev.switchboard.service.DatabaseOutage;
import dev.switchboard.service.InvalidInputException;
import dev.switchboard.service.Json;
import dev.switchboard.service.ServiceUnavailableException;
import dev.switchboard.service.UnprocessableException;
import dev.switchboard.service.UnknownEntityException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become HTTP: every error is {@code application/problem+json} (RFC 9457) with
 * {@code status}, {@code title} and {@code detail}, and never a stack trace or a Java class name.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** How long a client should wait before retrying a 503, in seconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return problem(400, "Invalid request", e.getMessage(), uri, e.pointer());
    }

    @ServerExceptionMapper
    public Response unknown(UnknownEntityException e, UriInfo uri) {
        return problem(404, "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "Conflict", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, UriInfo uri) {
        return problem(422, "Unprocessable request", e.getMessage(), uri, e.pointer());
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e, UriInfo uri) {
        return Response.fromResponse(problem(503, "Service unavailable", e.getMessage(), uri, null))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e, UriInfo uri) {
        return problem(413, "Request body too large", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "this resource answers application/json only";
            case 415 -> "send the body as application/json";
            default -> title;
        };
        return problem(status, title, detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof CompletionException && e.getCause() != null) {
            return unwrapped(e.getCause(), uri);
        }
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(new ServiceUnavailableException("the database cannot be reached; retry shortly"), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return problem(500, "Internal error", "the server failed to answer; error id " + errorId, uri, null);
    }

    /** A failure of an asynchronous answer, mapped as if it had been thrown directly. */
    private Response unwrapped(Throwable cause, UriInfo uri) {
        if (cause instanceof UnprocessableException e) {
            return unprocessable(e, uri);
        }
        if (cause instanceof InvalidInputException e) {
            return invalid(e, uri);
        }
        if (cause instanceof UnknownEntityException e) {
            return unknown(e, uri);
        }
        if (cause instanceof ConflictException e) {
            return conflict(e, uri);
        }
        if (cause instanceof ServiceUnavailableException e) {
            return unavailable(e, uri);
        }
        return unexpected(cause, uri);
    }

    static Response problem(int status, String title, String detail, UriInfo uri, String pointer) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                pointer);
        String body;
        try {
            body = Json.write(problem);
        } catch (IllegalStateException e) {
            body = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
