import java.util.List;

/**
 * The constant groups of the ioctl families' argument structs (fiemap, gpio, ptp,
 * seccomp notifications, rtc, termios), kept apart from {@link ConstantGroups} so that each
 * family's tables are one block; {@link ConstantGroups#all} appends them. Data only.
 * The decoders list the names in strace's print order (its src/xlat/*.in) and take
 * the values from here.
 */
final class IoctlConstantGroups {
    private IoctlConstantGroups() {}

    static final List<ConstantGroups.Group> ALL = List.of(
            new ConstantGroups.Group("FIEMAP_FLAGS", "struct fiemap fm_flags bits", ConstantGroups.Source.KERNEL,
                    "linux/fiemap.h", "FIEMAP_FLAG_\\w+", null, true),
            new ConstantGroups.Group("FIEMAP_EXTENT_FLAGS", "struct fiemap_extent fe_flags bits",
                    ConstantGroups.Source.KERNEL, "linux/fiemap.h", "FIEMAP_EXTENT_\\w+", null, true),
            new ConstantGroups.Group("GPIO_LINE_FLAGS", "struct gpioline_info flags (GPIOLINE_FLAG_*)",
                    ConstantGroups.Source.KERNEL, "linux/gpio.h", "GPIOLINE_FLAG_\\w+", null, true),
            new ConstantGroups.Group("GPIO_HANDLE_FLAGS", "gpiohandle_request flags (GPIOHANDLE_REQUEST_*)",
                    ConstantGroups.Source.KERNEL, "linux/gpio.h", "GPIOHANDLE_REQUEST_\\w+", null, true),
            new ConstantGroups.Group("GPIO_EVENT_FLAGS", "gpioevent_request eventflags (GPIOEVENT_REQUEST_*)",
                    ConstantGroups.Source.KERNEL, "linux/gpio.h", "GPIOEVENT_REQUEST_\\w+", null, true),
            // linux/gpio.h declares the v2 flags and attribute ids as enums (_BITULL(n)).
            new ConstantGroups.Group("GPIO_V2_LINE_FLAGS", "gpio v2 line flags (enum gpio_v2_line_flag)",
                    ConstantGroups.Source.KERNEL, "linux/gpio.h", "GPIO_V2_LINE_FLAG_\\w+", null, true),
            new ConstantGroups.Group("GPIO_V2_LINE_ATTR_IDS", "gpio v2 line attribute ids",
                    ConstantGroups.Source.KERNEL, "linux/gpio.h", "GPIO_V2_LINE_ATTR_ID_\\w+", null, false),
            new ConstantGroups.Group("PTP_REQUEST_FLAGS", "ptp_extts_request/ptp_perout_request flags",
                    ConstantGroups.Source.KERNEL, "linux/ptp_clock.h",
                    "PTP_(ENABLE_FEATURE|RISING_EDGE|FALLING_EDGE|STRICT_FLAGS|PEROUT_ONE_SHOT|PEROUT_DUTY_CYCLE"
                            + "|PEROUT_PHASE)", null, false),
            // enum ptp_pin_function's members have no initializers: the compiler numbers them.
            new ConstantGroups.Group("PTP_PIN_FUNCS", "ptp_pin_desc func values (enum ptp_pin_function)",
                    ConstantGroups.Source.COMPILED, "linux/ptp_clock.h", "PTP_PF_\\w+", null, false),
            new ConstantGroups.Group("USERFAULTFD_VALUES", "userfaultfd API features, ioctl numbers and modes",
                    ConstantGroups.Source.COMPILED, "linux/userfaultfd.h",
                    "UFFD_FEATURE_\\w+|_UFFDIO_\\w+|UFFDIO_(COPY|ZEROPAGE|REGISTER)_MODE_\\w+", null, false),
            new ConstantGroups.Group("SECCOMP_NOTIF_FLAGS", "seccomp user notification response and addfd flags",
                    ConstantGroups.Source.KERNEL, "linux/seccomp.h",
                    "SECCOMP_USER_NOTIF_FLAG_\\w+|SECCOMP_ADDFD_FLAG_\\w+", null, true),
            // strace names TABDLY's 0x1800 XTABS (its term_oflags_tabdly lists it before TAB3).
            new ConstantGroups.Group("TERMIOS_XTABS", "termios c_oflag XTABS (TAB3's other name)",
                    ConstantGroups.Source.KERNEL, "asm/termbits.h", "XTABS", null, false),
            new ConstantGroups.Group("AUDIT_ARCHES", "audit architectures (seccomp_data arch)",
                    ConstantGroups.Source.KERNEL, "linux/audit.h", "AUDIT_ARCH_\\w+", null, false),
            new ConstantGroups.Group("RTC_VALUES", "rtc voltage-low flags, parameters, features and backup modes",
                    ConstantGroups.Source.KERNEL, "linux/rtc.h", "RTC_VL_(DATA|BACKUP|ACCURACY)\\w+|RTC_PARAM_\\w+"
                            + "|RTC_FEATURE_\\w+|RTC_BSM_\\w+", "RTC_PARAM_(GET|SET)|RTC_FEATURE_CNT", false));
}
