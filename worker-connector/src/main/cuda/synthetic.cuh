// The synthetic challenge's arithmetic for CUDA: the counter-based generator, the int8 dot product and the row hash
// (docs/protocol/synthetic-challenge.md sections 2-3). Everything here is __host__ __device__ so that the host
// harness (src/test/cuda/host_check.cu) runs this very code on the CPU and compares it with the Java reference in
// worker-protocol (com.computemarket.challenge.synthetic): the kernels in synthetic.cu only add tiling around it.
#ifndef COMPUTEMARKET_SYNTHETIC_CUH
#define COMPUTEMARKET_SYNTHETIC_CUH

#include <stdint.h>

#if defined(__CUDACC__)
#define SM_HD __host__ __device__ __forceinline__
#else
#define SM_HD static inline
#endif

#define SM_GAMMA 0x9E3779B97F4A7C15ULL
#define SM_MIX1 0xBF58476D1CE4E5B9ULL
#define SM_MIX2 0x94D049BB133111EBULL

// Vigna's SplitMix64 finaliser (Generator.splitmix64).
SM_HD uint64_t sm_splitmix64(uint64_t z) {
    z = (z ^ (z >> 30)) * SM_MIX1;
    z = (z ^ (z >> 27)) * SM_MIX2;
    return z ^ (z >> 31);
}

// Generator.word: the 64-bit word w (elements 8w..8w+7 along k) of line p (row of A, column of B) of matrix m.
SM_HD uint64_t sm_word(uint64_t key, uint32_t iteration, uint32_t matrix, uint32_t line, uint32_t word) {
    uint64_t counter = ((uint64_t) iteration << 33) | ((uint64_t) matrix << 32) | ((uint64_t) line << 16) | word;
    return sm_splitmix64(key + (counter + 1) * SM_GAMMA);
}

// The word as the padded device matrices hold it: a line or elements at or beyond n are zero, so the padding of a
// matrix whose size is not a multiple of the tile adds nothing to any dot product (exactness needs no bounds checks).
SM_HD uint64_t sm_padded_word(uint64_t key, uint32_t iteration, uint32_t matrix, int n, int line, int word) {
    int valid = n - 8 * word;
    if (line >= n || valid <= 0) {
        return 0;
    }
    uint64_t w = sm_word(key, iteration, matrix, (uint32_t) line, (uint32_t) word);
    return valid >= 8 ? w : w & ((1ULL << (8 * valid)) - 1);
}

// __dp4a: c + the sum of the products of the four signed bytes of a and b (byte 0 = least significant).
SM_HD int sm_dp4a(int a, int b, int c) {
#if defined(__CUDA_ARCH__)
    return __dp4a(a, b, c);
#else
    for (int i = 0; i < 4; i++) {
        c += (int) (int8_t) (uint8_t) ((uint32_t) a >> (8 * i)) * (int) (int8_t) (uint8_t) ((uint32_t) b >> (8 * i));
    }
    return c;
#endif
}

SM_HD uint32_t sm_bswap32(uint32_t x) {
#if defined(__CUDA_ARCH__)
    return __byte_perm(x, 0, 0x0123);
#else
    return (x >> 24) | ((x >> 8) & 0xFF00u) | ((x << 8) & 0xFF0000u) | (x << 24);
#endif
}

// ---- SHA-256 (FIPS 180-4), unrolled with literal round constants so that device code keeps them in instructions ----

SM_HD uint32_t sm_rotr(uint32_t x, int r) {
    return (x >> r) | (x << (32 - r));
}

#define SM_S0(x) (sm_rotr(x, 2) ^ sm_rotr(x, 13) ^ sm_rotr(x, 22))
#define SM_S1(x) (sm_rotr(x, 6) ^ sm_rotr(x, 11) ^ sm_rotr(x, 25))
#define SM_G0(x) (sm_rotr(x, 7) ^ sm_rotr(x, 18) ^ ((x) >> 3))
#define SM_G1(x) (sm_rotr(x, 17) ^ sm_rotr(x, 19) ^ ((x) >> 10))
// message schedule in a 16-word ring: w[i & 15] becomes W_i for i >= 16
#define SM_W(i) (w[(i) & 15] = SM_G1(w[((i) - 2) & 15]) + w[((i) - 7) & 15] + SM_G0(w[((i) - 15) & 15]) + w[(i) & 15])
#define SM_ROUND(a, b, c, d, e, f, g, h, k, wi)                                  \
    do {                                                                         \
        uint32_t t1 = (h) + SM_S1(e) + (((e) & (f)) ^ (~(e) & (g))) + (k) + (wi); \
        uint32_t t2 = SM_S0(a) + (((a) & (b)) ^ ((a) & (c)) ^ ((b) & (c)));       \
        (d) += t1;                                                               \
        (h) = t1 + t2;                                                           \
    } while (0)
#define SM_R8(i, wf, k0, k1, k2, k3, k4, k5, k6, k7)   \
    SM_ROUND(a, b, c, d, e, f, g, h, k0, wf((i) + 0)); \
    SM_ROUND(h, a, b, c, d, e, f, g, k1, wf((i) + 1)); \
    SM_ROUND(g, h, a, b, c, d, e, f, k2, wf((i) + 2)); \
    SM_ROUND(f, g, h, a, b, c, d, e, k3, wf((i) + 3)); \
    SM_ROUND(e, f, g, h, a, b, c, d, k4, wf((i) + 4)); \
    SM_ROUND(d, e, f, g, h, a, b, c, k5, wf((i) + 5)); \
    SM_ROUND(c, d, e, f, g, h, a, b, k6, wf((i) + 6)); \
    SM_ROUND(b, c, d, e, f, g, h, a, k7, wf((i) + 7))
#define SM_WIN(i) w[i]

SM_HD void sm_sha256_init(uint32_t h[8]) {
    h[0] = 0x6a09e667u; h[1] = 0xbb67ae85u; h[2] = 0x3c6ef372u; h[3] = 0xa54ff53au;
    h[4] = 0x510e527fu; h[5] = 0x9b05688cu; h[6] = 0x1f83d9abu; h[7] = 0x5be0cd19u;
}

// One 64-byte block, given as 16 big-endian words (w is used as the schedule's scratch).
SM_HD void sm_sha256_compress(uint32_t state[8], uint32_t w[16]) {
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
    SM_R8(0, SM_WIN, 0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u);
    SM_R8(8, SM_WIN, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u);
    SM_R8(16, SM_W, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau);
    SM_R8(24, SM_W, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u);
    SM_R8(32, SM_W, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u);
    SM_R8(40, SM_W, 0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u);
    SM_R8(48, SM_W, 0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u);
    SM_R8(56, SM_W, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u);
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

// Sixteen int32 values of a row as one SHA-256 block: le32 bytes read as big-endian words are byte-swapped values.
// On the device the row (16-byte aligned: every row starts at a multiple of the padded width) is read as int4s.
SM_HD void sm_load_block(const int32_t* values, uint32_t w[16]) {
#if defined(__CUDA_ARCH__)
    const int4* p = (const int4*) values;
#pragma unroll
    for (int q = 0; q < 4; q++) {
        int4 v = p[q];
        w[4 * q] = sm_bswap32((uint32_t) v.x);
        w[4 * q + 1] = sm_bswap32((uint32_t) v.y);
        w[4 * q + 2] = sm_bswap32((uint32_t) v.z);
        w[4 * q + 3] = sm_bswap32((uint32_t) v.w);
    }
#else
    for (int j = 0; j < 16; j++) {
        w[j] = sm_bswap32((uint32_t) values[j]);
    }
#endif
}

// RowHash.of: SHA-256 over le32(row[0]) || ... || le32(row[n-1]) (4n bytes); the digest as 8 big-endian words.
SM_HD void sm_row_hash(const int32_t* row, int n, uint32_t h[8]) {
    uint32_t w[16];
    sm_sha256_init(h);
    int full = n / 16;
    for (int blk = 0; blk < full; blk++) {
        sm_load_block(row + 16 * blk, w);
        sm_sha256_compress(h, w);
    }
    // the tail: r values, the 0x80 marker, zeros, then the message length in bits (64-bit big-endian)
    int r = n - 16 * full;
    uint64_t bits = (uint64_t) n * 32;
    for (int j = 0; j < 16; j++) {
        w[j] = j < r ? sm_bswap32((uint32_t) row[16 * full + j]) : (j == r ? 0x80000000u : 0u);
    }
    if (r > 13) { // no room left for the length: one more block
        sm_sha256_compress(h, w);
        for (int j = 0; j < 16; j++) {
            w[j] = 0;
        }
    }
    w[14] = (uint32_t) (bits >> 32);
    w[15] = (uint32_t) bits;
    sm_sha256_compress(h, w);
}

// ---- the tensor-core kernel's geometry (synthetic_multiply_mma), shared with the host harness's emulation of it ----
// Matrices are padded to a multiple of SM_TILE; a block computes an MM_BM x MM_BN tile of C with 8 warps as 2 (m) x 4 (n),
// each warp 64 x 32 of C as 4 x 4 mma tiles of 16 x 8; k moves in MM_BK-byte steps through shared memory.
#define SM_TILE 128
#define MM_BM 128
#define MM_BN 128
#define MM_BK 64
#define MM_THREADS 256
#define MM_GROUP_M 8
// a shared row: 64 bytes + 16 of padding, so any 8 consecutive rows fall on 8 distinct 16-byte bank groups
// (ldmatrix reads 8 rows at a time: conflict-free without a swizzle; 80 = 5 x 16 and 5 is odd)
#define MM_SROW (MM_BK + 16)

// The tile of C block `pid` computes, in grouped order: MM_GROUP_M row panels walk the column panels together, so the
// blocks running at once share their A and B panels in L2 instead of streaming all of B once per row panel.
SM_HD void mm_block_tile(int pid, int tiles, int* tileM, int* tileN) {
    const int inGroup = MM_GROUP_M * tiles;
    const int firstM = (pid / inGroup) * MM_GROUP_M;
    const int groupRows = tiles - firstM < MM_GROUP_M ? tiles - firstM : MM_GROUP_M;
    *tileM = firstM + (pid % inGroup) % groupRows;
    *tileN = (pid % inGroup) / groupRows;
}

// The 16-byte chunk q (0 or 1) thread tid copies into a stage: a stage is MM_BM rows of MM_BK bytes (4 chunks a row)
// of A and the same of Bt.
SM_HD void mm_copy_chunk(int tid, int q, int* row, int* byteCol) {
    const int chunk = tid + q * MM_THREADS;
    *row = chunk >> 2;
    *byteCol = (chunk & 3) * 16;
}

// ldmatrix.x4 addresses for the A fragments of mma tile mt (rows) at k offset kk: lanes 0-7 give rows 0-7 at k 0-15,
// 8-15 rows 8-15 at k 0-15, 16-23 rows 0-7 at k 16-31, 24-31 rows 8-15 at k 16-31 (registers a0..a3 of the mma).
SM_HD int mm_a_row(int warpM, int mt, int lane) {
    return warpM * 64 + mt * 16 + (lane & 15);
}
SM_HD int mm_a_k(int kk, int lane) {
    return kk + (lane >> 4) * 16;
}

// ldmatrix.x4 addresses for the B fragments of the mma tiles 2np and 2np+1 (columns): lanes 0-7 give n 0-7 at k 0-15,
// 8-15 n 0-7 at k 16-31, 16-23 n 8-15 at k 0-15, 24-31 n 8-15 at k 16-31 (b0, b1 of tile 2np, then of 2np+1).
SM_HD int mm_b_row(int warpN, int np, int lane) {
    return warpN * 32 + np * 16 + (lane & 7) + (lane >> 4) * 8;
}
SM_HD int mm_b_k(int kk, int lane) {
    return kk + ((lane >> 3) & 1) * 16;
}

// Where accumulator register r (0..3) of mma tile (mt, nt) of a lane lands in the block's tile of C:
// d0, d1 = C[g][2t], C[g][2t+1]; d2, d3 = C[g+8][2t], C[g+8][2t+1] with g = lane / 4, t = lane % 4.
SM_HD void mm_accumulator_at(int warpM, int warpN, int mt, int nt, int lane, int r, int* row, int* col) {
    *row = warpM * 64 + mt * 16 + (lane >> 2) + (r >> 1) * 8;
    *col = warpN * 32 + nt * 8 + 2 * (lane & 3) + (r & 1);
}

#endif
