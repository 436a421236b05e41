package com.computemarket.inference.embedding;

import com.computemarket.challenge.inference.EmbeddingCommitment;
import java.util.List;

/** A worker's computed job: the commitment (result_hash, openings) and each item's embedding with its truncation. */
public record JobEmbeddings(EmbeddingCommitment commitment, List<Embedding> embeddings) {

    public JobEmbeddings {
        embeddings = List.copyOf(embeddings);
    }

    /** Items whose input was longer than the model's word-piece limit. */
    public long truncatedItems() {
        return embeddings.stream().filter(Embedding::truncated).count();
    }
}
