package com.computemarket.portal;

import com.computemarket.shared.DomainException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Small helpers of the pages: run a service call and show its refusal as a message, format times. */
public final class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** The result, or null after adding the refusal's detail as an error message (for the page's messages region). */
    public static <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            error(e.getMessage());
            return null;
        } catch (EJBException e) {
            if (e.getCause() instanceof DomainException d) {
                error(d.getMessage());
                return null;
            }
            LOG.log(Level.WARNING, "portal request failed", e);
            error("The request failed on the server; please try again. (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String param(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
