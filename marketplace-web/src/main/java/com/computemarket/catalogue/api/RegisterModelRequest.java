package com.computemarket.catalogue.api;

import com.computemarket.catalogue.application.RegisterModel;
import com.computemarket.catalogue.domain.Model;
import com.computemarket.catalogue.domain.ModelId;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * POST /api/admin/models. Malformed fields are 400 (these constraints); a well-formed model the rules refuse is 422
 * (unknown kind, prices that do not fit it, a file not in the store), a taken id 409.
 */
public record RegisterModelRequest(
        @NotNull(message = "id is required, such as \"all-minilm-l6-v2\"")
        @Pattern(regexp = ModelId.PATTERN, message = "id is 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit") String id,
        @NotBlank(message = "kind is required: embedding or text-generation") @Size(max = 40, message = "kind must be at most 40 characters") String kind,
        @NotNull(message = "engine is required, such as \"onnxruntime\" or \"gguf-java\"")
        @Pattern(regexp = Model.NAME_PATTERN, message = "engine is 1 to 40 characters of a-z, 0-9, '.', '_' and '-'") String engine,
        @NotNull(message = "format is required, such as \"onnx\" or \"gguf\"")
        @Pattern(regexp = Model.NAME_PATTERN, message = "format is 1 to 40 characters of a-z, 0-9, '.', '_' and '-'") String format,
        @NotEmpty(message = "files must name the model's weights (and an embedding model's tokenizer)")
        @Size(max = 8, message = "files has at most 8 entries")
        List<@NotNull(message = "files must not contain null") @Valid FileRequest> files,
        @NotBlank(message = "licence is required, such as \"apache-2.0\"") @Size(max = 100, message = "licence must be at most 100 characters") String licence,
        @JsonbProperty("context_length") @NotNull(message = "context_length is required, in tokens")
        @Positive(message = "context_length must be positive") @Max(value = Model.MAX_CONTEXT_LENGTH, message = "context_length must be at most " + Model.MAX_CONTEXT_LENGTH) Integer contextLength,
        @JsonbProperty("embedding_dimension") @Positive(message = "embedding_dimension must be positive") Integer embeddingDimension,
        @NotNull(message = "prices is required: per_1k_input_tokens, per_1k_output_tokens and/or per_item as decimal CPC strings")
        @Valid PricesRequest prices) {

    public record FileRequest(
            @NotBlank(message = "files[].role is required: weights or tokenizer") @Size(max = 16, message = "files[].role must be weights or tokenizer") String role,
            @NotNull(message = "files[].sha256 is required")
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "files[].sha256 must be 64 hex characters") String sha256,
            @PositiveOrZero(message = "files[].size must not be negative") Long size) {
    }

    public record PricesRequest(
            @JsonbProperty("per_1k_input_tokens") @Size(max = 60, message = "prices.per_1k_input_tokens is too long") String perThousandInputTokens,
            @JsonbProperty("per_1k_output_tokens") @Size(max = 60, message = "prices.per_1k_output_tokens is too long") String perThousandOutputTokens,
            @JsonbProperty("per_item") @Size(max = 60, message = "prices.per_item is too long") String perItem) {
    }

    RegisterModel toCommand() {
        return new RegisterModel(id, kind, engine, format,
                files.stream().map(f -> new RegisterModel.FileRef(f.role(), f.sha256(), f.size())).toList(), licence,
                contextLength, embeddingDimension, prices.perThousandInputTokens(), prices.perThousandOutputTokens(), prices.perItem());
    }
}
