package com.computemarket.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under /api; the portal and the /worker WebSocket share the web module's root. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
