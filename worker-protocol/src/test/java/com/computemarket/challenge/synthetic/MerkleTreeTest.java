package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.computemarket.chain.protocol.Merkle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static byte[][] leaves(int count) {
        byte[][] leaves = new byte[count][];
        for (int i = 0; i < count; i++) {
            leaves[i] = Generator.sha256(new byte[] {(byte) i, (byte) (i >> 8)});
        }
        return leaves;
    }

    @Test
    void rootIsTheChainsRootForEveryLeafCount() {
        for (int count = 1; count <= 70; count++) {
            byte[][] leaves = leaves(count);
            assertArrayEquals(Merkle.root(Arrays.asList(leaves)), MerkleTree.over(leaves).root(), count + " leaves");
        }
    }

    @Test
    void everyPathLeadsToTheRoot() {
        for (int count = 1; count <= 40; count++) {
            byte[][] leaves = leaves(count);
            MerkleTree tree = MerkleTree.over(leaves);
            for (int i = 0; i < count; i++) {
                assertEquals(MerkleTree.depth(count), tree.path(i).size());
                assertArrayEquals(tree.root(), MerkleTree.rootFrom(leaves[i], i, count, tree.path(i)), count + "/" + i);
            }
        }
    }

    @Test
    void aWrongPathDoesNotLeadToTheRoot() {
        byte[][] leaves = leaves(13);
        MerkleTree tree = MerkleTree.over(leaves);
        List<byte[]> path = new ArrayList<>(tree.path(5));
        path.set(2, Generator.sha256(new byte[] {1}));
        assertEquals(false, Arrays.equals(tree.root(), MerkleTree.rootFrom(leaves[5], 5, 13, path)));
        // the right path for another index, a short path, a long path
        assertEquals(false, Arrays.equals(tree.root(), MerkleTree.rootFrom(leaves[5], 4, 13, tree.path(5))));
        assertNull(MerkleTree.rootFrom(leaves[5], 5, 13, tree.path(5).subList(0, 3)));
        List<byte[]> longer = new ArrayList<>(tree.path(5));
        longer.add(tree.root());
        assertNull(MerkleTree.rootFrom(leaves[5], 5, 13, longer));
    }

    @Test
    void theLastNodeOfAnOddLevelMustBeItsOwnSibling() {
        byte[][] leaves = leaves(5);
        MerkleTree tree = MerkleTree.over(leaves);
        List<byte[]> path = new ArrayList<>(tree.path(4));
        assertArrayEquals(leaves[4], path.get(0));
        path.set(0, leaves[3]);
        assertNull(MerkleTree.rootFrom(leaves[4], 4, 5, path));
    }
}
