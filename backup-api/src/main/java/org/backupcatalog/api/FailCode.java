package org.backupcatalog.api;

/**
 * {@code extend_info.fail_code}, JSON keys {@code Code} and {@code Description}. The code is a
 * string although the seed says Long: every SDK decodes it as a string.
 */
public record FailCode(String code, String description) {}
