package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The envelope of every answer: {@code {"code":200,"msg":"Success","data":...}}, or {@code data: null} on failure. */
@JsonPropertyOrder({"code", "msg", "data"})
public record ApiResponse<T>(int code, String msg, T data) {

    public static <T> ApiResponse<T> success(T data) {
        return new ApiResponse<>(200, "Success", data);
    }

    public static ApiResponse<Void> failure(int status, String msg) {
        return new ApiResponse<>(status, msg, null);
    }
}
