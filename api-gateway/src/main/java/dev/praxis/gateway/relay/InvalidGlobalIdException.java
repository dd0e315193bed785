package dev.praxis.gateway.relay;

import dev.praxis.gateway.error.ClientErrorException;
import java.util.List;
import org.springframework.graphql.execution.ErrorType;

/** An id argument that is not a global id of this API, or not one of the type the field expects. */
public class InvalidGlobalIdException extends ClientErrorException {

    public static final String CODE = "INVALID_ID";

    InvalidGlobalIdException(String id) {
        super(ErrorType.BAD_REQUEST, CODE, "'" + abbreviate(id) + "' is not a valid id.");
    }

    InvalidGlobalIdException(String id, List<String> expectedTypes) {
        super(ErrorType.BAD_REQUEST, CODE,
                "'" + abbreviate(id) + "' is not the id of a " + String.join(" or ", expectedTypes) + ".");
    }

    private static String abbreviate(String id) {
        if (id == null) {
            return "";
        }
        return id.length() <= 60 ? id : id.substring(0, 57) + "...";
    }
}
