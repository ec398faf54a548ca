package io.cardwatch.review.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document: how the console's API answers every error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
