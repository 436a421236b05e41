/**
 * The command line: the picocli commands and their options, the exit codes and {@code CliException} (one stderr line
 * each), the {@code Environment} the commands read; {@code WorkerConnector} is the jar's main class.
 */
package com.computemarket.connector.cli;
