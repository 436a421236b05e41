package com.computemarket.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.ChainJson;
import com.computemarket.chain.protocol.ComputeChainVectorsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Against the real devnet blocks recorded in computechain-vectors.json ({@code live_devnet.real_blocks}). */
class ComputeRootCheckTest {

    @Test
    void realSubmitResultsAreCommitted() throws IOException {
        Block one = Block.fromJson(realBlock(25));
        ComputeRootCheck.ResultCommitment c = ComputeRootCheck.check(inclusion(one, 0));
        assertTrue(c.committed());
        assertEquals(0, c.leafIndex());
        assertEquals("7466b6e7de8b20bea5933b7b2a54063c5440c1905dd0f9b47fa4e7c3db3cf216", c.leafHex());

        Block three = Block.fromJson(realBlock(26)); // two results (one with a non-ASCII task id) and a transfer
        assertEquals("6ed5538d132359f2bc38e8b49b73a2f05a6cbbe639542e59a5be54779c3c2cde",
                ComputeRootCheck.check(inclusion(three, 1)).leafHex());
        assertTrue(ComputeRootCheck.check(inclusion(three, 1)).committed());
        assertEquals(1, ComputeRootCheck.check(inclusion(three, 1)).leafIndex());
        assertThrows(IllegalArgumentException.class, () -> ComputeRootCheck.check(inclusion(three, 2)));
    }

    @Test
    void aWrongComputeRootIsNotACommitment() throws IOException {
        String forged = realBlock(25).replace("\"compute_root\":\"7466", "\"compute_root\":\"0466");
        assertFalse(ComputeRootCheck.check(inclusion(Block.fromJson(forged), 0)).committed());
    }

    private static Inclusion inclusion(Block block, int index) {
        return new Inclusion(block.txs().get(index).hash(), block.header().height(), block.hash(), index, block);
    }

    /** The raw {@code /block/{h}} text the real node served, from the shared vectors file. */
    static String realBlock(long height) throws IOException {
        JsonNode vectors = ChainJson.parse(Files.readString(ComputeChainVectorsTest.vectorsPath()));
        for (JsonNode b : vectors.get("live_devnet").get("real_blocks")) {
            if (b.get("height").asLong() == height) return b.get("rpc_response_text").asText();
        }
        throw new IllegalArgumentException("no real block " + height);
    }
}
