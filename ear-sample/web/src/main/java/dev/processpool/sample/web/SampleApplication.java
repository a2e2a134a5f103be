package dev.processpool.sample.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's HTTP API, under {@code /sample/api}. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
