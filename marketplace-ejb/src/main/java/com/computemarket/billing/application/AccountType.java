package com.computemarket.billing.application;

/** PLACEHOLDER for the payouts branch, per /work/contracts.md — billing's version wins at merge. */
public enum AccountType { ORG_AVAILABLE, ORG_ESCROW, WORKER_PAYABLE, PLATFORM_FEES, PAYOUTS_IN_FLIGHT, L1_WALLET, L1_FEES }
