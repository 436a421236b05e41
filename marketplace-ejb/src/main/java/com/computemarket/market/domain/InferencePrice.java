package com.computemarket.market.domain;

import com.computemarket.shared.Amount;
import java.math.BigInteger;

/**
 * What one inference job costs. {@code base} is charged whatever the job does (an embedding job's whole share; a
 * text job's input part); a text job adds {@code perThousandGenerated} × generated tokens / 1000, rounded up to the
 * wei, for the tokens it really generated. {@code share} is what is held for it: base + the price of max_tokens.
 */
public record InferencePrice(Amount share, Amount base, Amount perThousandGenerated) {

    /** A price per 1,000 units times {@code units}, rounded up to the wei. */
    public static Amount perThousand(Amount price, long units) {
        BigInteger[] qr = price.wei().multiply(BigInteger.valueOf(units)).divideAndRemainder(BigInteger.valueOf(1000));
        return Amount.ofWei(qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]);
    }

    /** A fixed price: charged in full. */
    public static InferencePrice fixed(Amount share) {
        return new InferencePrice(share, share, Amount.ZERO);
    }

    /** What a job that generated {@code generatedTokens} is charged: never more than its share. */
    public Amount charge(int generatedTokens) {
        Amount charge = base.plus(perThousand(perThousandGenerated, Math.max(0, generatedTokens)));
        return charge.compareTo(share) > 0 ? share : charge;
    }
}
