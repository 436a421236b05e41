/** The local model cache (content-addressed files named by their SHA-256, plus {@code <id>.json}) and its download. */
package com.computemarket.connector.models;
