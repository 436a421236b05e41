package com.computemarket.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Opening;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpeningInboxTest {

    final OpeningInbox inbox = new OpeningInbox();
    final UUID job = UUID.randomUUID();
    final OpeningInbox.Expected expected = new OpeningInbox.Expected(UUID.randomUUID(), UUID.randomUUID(), Set.of(7, 3));

    static Opening row(int leaf) {
        return new Opening(leaf, new int[] {leaf}, List.of());
    }

    @Test
    void theRowsComeBackInLeafOrderOnceAllAreThereAndTheJobIsForgotten() {
        assertTrue(inbox.add(job, expected, row(7)).isEmpty());
        assertEquals(expected, inbox.expected(job).orElseThrow(), "later frames need no database read");
        assertTrue(inbox.add(job, expected, row(7)).isEmpty(), "a row sent twice counts once");
        List<Opening> all = inbox.add(job, expected, row(3)).orElseThrow();
        assertEquals(List.of(3, 7), all.stream().map(Opening::leafIndex).toList());
        assertFalse(inbox.expected(job).isPresent());
    }

    @Test
    void aDroppedJobStartsAfresh() {
        inbox.add(job, expected, row(7));
        inbox.drop(job);
        assertFalse(inbox.expected(job).isPresent());
        assertTrue(inbox.add(job, expected, row(3)).isEmpty(), "row 7 was dropped with the job");
    }
}
