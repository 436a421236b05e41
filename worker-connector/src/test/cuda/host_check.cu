// Runs the kernels' own __host__ __device__ code (src/main/cuda/synthetic.cuh) on the CPU and prints what it computes;
// CudaHostLogicTest compares every line with worker-protocol's Java reference. For each size it
//  - builds the padded matrices exactly as synthetic_generate does (sm_padded_word over ld = n rounded up to SM_TILE),
//  - multiplies them as synthetic_multiply_dp4a does (sm_dp4a over the padded 32-bit words),
//  - multiplies them again by emulating synthetic_multiply_mma block by block: its grouped tile order, its cp.async
//    chunk map into 80-byte shared rows (the 16 padding bytes poisoned), its ldmatrix.x4 lane addresses, the
//    m16n8k32 fragment layout of the PTX ISA and its accumulator-to-C map (the pipelining is not emulated),
//  - hashes each row of the tensor-core product with sm_row_hash, as synthetic_hash_rows does.
//
//   host_check KEY_HEX ITERATION [--hashes-only] N...
// prints per N: "n N", unless --hashes-only "A i v..", "B k v.." (row-major), "C i v..", then "H i hex" and
// "padding nonzero COUNT", "dp4a differs COUNT", "tiles visited wrongly COUNT" (all three must be 0)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vector>
#include "synthetic.cuh"

typedef uint32_t Frag4[32][4];

// ldmatrix.sync.aligned.m8n8.x4.b16: matrix j takes its 8 row addresses from lanes 8j..8j+7; lane i receives, from each
// matrix j, the 32 bits at byte 4 * (i % 4) of row i / 4 into register j.
static void ldmatrix_x4(const uint8_t* const addr[32], Frag4 out) {
    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 4; j++)
            memcpy(&out[i][j], addr[8 * j + i / 4] + 4 * (i % 4), 4);
}

static int8_t byte_of(uint32_t w, int b) {
    return (int8_t) (uint8_t) (w >> (8 * b));
}

// mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32 as the PTX ISA lays out its fragments (g = lane / 4, t = lane % 4):
// a0 = A[g][4t..], a1 = A[g+8][4t..], a2 = A[g][16+4t..], a3 = A[g+8][16+4t..]; b0 = B[4t..][g], b1 = B[16+4t..][g];
// d0, d1 = D[g][2t, 2t+1], d2, d3 = D[g+8][2t, 2t+1]
static void mma_16832(int32_t d[32][4], const uint32_t a[32][4], const uint32_t b[32][2]) {
    int8_t A[16][32], B[32][8];
    for (int lane = 0; lane < 32; lane++) {
        const int g = lane >> 2, t = lane & 3;
        for (int x = 0; x < 4; x++) {
            A[g][4 * t + x] = byte_of(a[lane][0], x);
            A[g + 8][4 * t + x] = byte_of(a[lane][1], x);
            A[g][16 + 4 * t + x] = byte_of(a[lane][2], x);
            A[g + 8][16 + 4 * t + x] = byte_of(a[lane][3], x);
            B[4 * t + x][g] = byte_of(b[lane][0], x);
            B[16 + 4 * t + x][g] = byte_of(b[lane][1], x);
        }
    }
    for (int lane = 0; lane < 32; lane++) {
        const int g = lane >> 2, t = lane & 3;
        for (int r = 0; r < 4; r++) {
            const int row = g + (r >> 1) * 8, col = 2 * t + (r & 1);
            for (int k = 0; k < 32; k++) d[lane][r] += A[row][k] * B[k][col];
        }
    }
}

// synthetic_multiply_mma, one block after another, one stage at a time; returns how many tiles were not visited once
static long emulate_mma_kernel(const int8_t* a, const int8_t* bt, int ld, std::vector<int32_t>& c) {
    const int tiles = ld / MM_BM;
    std::vector<int> visits((size_t) tiles * tiles, 0);
    std::vector<uint8_t> as(MM_BM * MM_SROW), bs(MM_BN * MM_SROW);
    static int32_t acc[8][4][4][32][4]; // [warp][mt][nt][lane][reg]
    for (int pid = 0; pid < tiles * tiles; pid++) {
        int tileM, tileN;
        mm_block_tile(pid, tiles, &tileM, &tileN);
        visits[(size_t) tileM * tiles + tileN]++;
        const int8_t* ablock = a + (size_t) tileM * MM_BM * ld;
        const int8_t* bblock = bt + (size_t) tileN * MM_BN * ld;
        memset(acc, 0, sizeof acc);
        for (int kt = 0; kt < ld / MM_BK; kt++) {
            memset(as.data(), 0x5A, as.size()); // a read of the row padding would show in the product
            memset(bs.data(), 0x5A, bs.size());
            for (int tid = 0; tid < MM_THREADS; tid++)
                for (int q = 0; q < 2; q++) {
                    int row, col;
                    mm_copy_chunk(tid, q, &row, &col);
                    const size_t g = (size_t) row * ld + (size_t) kt * MM_BK + col;
                    memcpy(&as[row * MM_SROW + col], ablock + g, 16);
                    memcpy(&bs[row * MM_SROW + col], bblock + g, 16);
                }
            for (int warp = 0; warp < MM_THREADS / 32; warp++) {
                const int warpM = warp >> 2, warpN = warp & 3;
                for (int kk = 0; kk < MM_BK; kk += 32) {
                    Frag4 af[4];
                    uint32_t bf[4][32][2];
                    const uint8_t* addr[32];
                    for (int mt = 0; mt < 4; mt++) {
                        for (int lane = 0; lane < 32; lane++)
                            addr[lane] = &as[mm_a_row(warpM, mt, lane) * MM_SROW + mm_a_k(kk, lane)];
                        ldmatrix_x4(addr, af[mt]);
                    }
                    for (int np = 0; np < 2; np++) {
                        Frag4 r;
                        for (int lane = 0; lane < 32; lane++)
                            addr[lane] = &bs[mm_b_row(warpN, np, lane) * MM_SROW + mm_b_k(kk, lane)];
                        ldmatrix_x4(addr, r);
                        for (int lane = 0; lane < 32; lane++) {
                            bf[2 * np][lane][0] = r[lane][0];
                            bf[2 * np][lane][1] = r[lane][1];
                            bf[2 * np + 1][lane][0] = r[lane][2];
                            bf[2 * np + 1][lane][1] = r[lane][3];
                        }
                    }
                    for (int mt = 0; mt < 4; mt++)
                        for (int nt = 0; nt < 4; nt++) mma_16832(acc[warp][mt][nt], af[mt], bf[nt]);
                }
            }
        }
        for (int warp = 0; warp < MM_THREADS / 32; warp++)
            for (int mt = 0; mt < 4; mt++)
                for (int nt = 0; nt < 4; nt++)
                    for (int lane = 0; lane < 32; lane++)
                        for (int r = 0; r < 4; r++) {
                            int row, col;
                            mm_accumulator_at(warp >> 2, warp & 3, mt, nt, lane, r, &row, &col);
                            c[((size_t) tileM * MM_BM + row) * ld + (size_t) tileN * MM_BN + col] = acc[warp][mt][nt][lane][r];
                        }
    }
    long wrong = 0;
    for (int v : visits) wrong += v != 1;
    return wrong;
}

int main(int argc, char** argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: host_check KEY_HEX ITERATION [--hashes-only] N...\n");
        return 2;
    }
    const uint64_t key = strtoull(argv[1], nullptr, 16);
    const uint32_t iteration = (uint32_t) strtoul(argv[2], nullptr, 10);
    bool hashesOnly = false;
    for (int arg = 3; arg < argc; arg++) {
        if (strcmp(argv[arg], "--hashes-only") == 0) {
            hashesOnly = true;
            continue;
        }
        const int n = atoi(argv[arg]);
        const int ld = (n + SM_TILE - 1) / SM_TILE * SM_TILE;
        const int words = ld / 8;
        std::vector<uint64_t> a((size_t) ld * words), bt((size_t) ld * words);
        for (int line = 0; line < ld; line++)
            for (int w = 0; w < words; w++) {
                a[(size_t) line * words + w] = sm_padded_word(key, iteration, 0, n, line, w);
                bt[(size_t) line * words + w] = sm_padded_word(key, iteration, 1, n, line, w);
            }
        const int8_t* a8 = (const int8_t*) a.data();
        const int8_t* b8 = (const int8_t*) bt.data();
        long padding = 0;
        for (int line = 0; line < ld; line++)
            for (int k = 0; k < ld; k++)
                if (line >= n || k >= n) padding += (a8[(size_t) line * ld + k] != 0) + (b8[(size_t) line * ld + k] != 0);

        const int32_t* a32 = (const int32_t*) a.data();
        const int32_t* b32 = (const int32_t*) bt.data();
        std::vector<int32_t> dp((size_t) ld * ld), mma((size_t) ld * ld);
        for (int i = 0; i < ld; i++)
            for (int j = 0; j < ld; j++) {
                int acc = 0;
                for (int q = 0; q < ld / 4; q++) acc = sm_dp4a(a32[(size_t) i * ld / 4 + q], b32[(size_t) j * ld / 4 + q], acc);
                dp[(size_t) i * ld + j] = acc;
            }
        const long badTiles = emulate_mma_kernel(a8, b8, ld, mma);
        long differs = 0;
        for (size_t q = 0; q < dp.size(); q++) differs += dp[q] != mma[q];
        for (int i = 0; i < ld; i++)
            for (int j = 0; j < ld; j++) padding += (i >= n || j >= n) && mma[(size_t) i * ld + j] != 0;

        printf("n %d\n", n);
        if (!hashesOnly) {
            for (int i = 0; i < n; i++) {
                printf("A %d", i);
                for (int k = 0; k < n; k++) printf(" %d", a8[(size_t) i * ld + k]);
                printf("\n");
            }
            for (int k = 0; k < n; k++) {
                printf("B %d", k);
                for (int j = 0; j < n; j++) printf(" %d", b8[(size_t) j * ld + k]);
                printf("\n");
            }
            for (int i = 0; i < n; i++) {
                printf("C %d", i);
                for (int j = 0; j < n; j++) printf(" %d", mma[(size_t) i * ld + j]);
                printf("\n");
            }
        }
        for (int i = 0; i < n; i++) {
            uint32_t h[8];
            sm_row_hash(&mma[(size_t) i * ld], n, h);
            printf("H %d ", i);
            for (int j = 0; j < 8; j++) printf("%08x", h[j]);
            printf("\n");
        }
        printf("padding nonzero %ld\ndp4a differs %ld\ntiles visited wrongly %ld\n", padding, differs, badTiles);
    }
    return 0;
}
