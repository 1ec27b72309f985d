package dev.jstrace.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The container of repeated {@link InjectFault}s (written for you by the compiler). */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InjectFaults {
    /**
     * The faults, in order: a later one for the same syscall replaces an earlier one.
     *
     * @return the faults
     */
    InjectFault[] value();
}
