package com.computemarket.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The finder against a scripted node; against a running devnet node: devnet-node's InclusionFinderAgainstDevnetTest. */
@Timeout(60)
class InclusionFinderTest {

    @Test
    void aBlockWhoseTxRootDoesNotCommitToItsTransactionsIsNotProof() throws IOException {
        String real = ComputeRootCheckTest.realBlock(26);
        String forged = real.replace("b885bf3a0409d51a83f7e27abe27bf731d8f660e7c264cf45cdd8e013b198e47", "00".repeat(32));
        try (ScriptedNode node = new ScriptedNode()) {
            node.thenJson(200, "{\"height\":26,\"last_hash\":\"x\",\"network\":\"devnet\",\"mempool_size\":0,\"epoch\":0}")
                    .thenJson(200, forged);
            ChainRpcException e = assertThrows(ChainRpcException.class, () -> new InclusionFinder(new ChainClient(node.baseUrl()))
                    .find("233dc53ca19de2bdfd8a32eb10399f89b67432fbee2384298afe639433302fbc", 26, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("tx_root"), e.getMessage());
        }
    }
}
