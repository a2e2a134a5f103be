package dev.processpool.internal.cdi;

import jakarta.enterprise.inject.spi.DefinitionException;

/**
 * A deployment problem of one {@code @ProcessPool} injection point. Without a stack trace: the container prints
 * the message, and the extension's frames would say nothing about the application.
 */
final class InvalidPoolInjectionPoint extends DefinitionException {
    private static final long serialVersionUID = 1L;

    InvalidPoolInjectionPoint(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
