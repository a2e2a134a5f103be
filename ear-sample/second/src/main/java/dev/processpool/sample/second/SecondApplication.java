package dev.processpool.sample.second;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The second application's HTTP API, under {@code /second/api}. */
@ApplicationPath("/api")
public class SecondApplication extends Application {
}
