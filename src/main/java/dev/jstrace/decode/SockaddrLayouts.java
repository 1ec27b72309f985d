package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * The socket address structs of the families {@link SockaddrFamilies} prints, as their headers declare them
 * (linux/ax25.h, netipx/ipx.h, linux/x25.h, linux/if_packet.h, linux/if_alg.h, linux/nfc.h,
 * linux/vm_sockets.h, linux/qrtr.h, linux/if_xdp.h, linux/mctp.h); sockaddr_ieee802154 has no UAPI
 * header, so the probe compiles strace 6.1's own definition of it.
 */
final class SockaddrLayouts {
    private SockaddrLayouts() {}

    static final StructLayout AX25_ADDRESS = structLayout(sequenceLayout(7, JAVA_BYTE).withName("ax25_call"))
            .withName("ax25_address");
    static final StructLayout SOCKADDR_AX25 = structLayout(JAVA_SHORT.withName("sax25_family"),
            AX25_ADDRESS.withName("sax25_call"), paddingLayout(3), JAVA_INT.withName("sax25_ndigis"))
            .withName("struct sockaddr_ax25");
    static final StructLayout FULL_SOCKADDR_AX25 = structLayout(SOCKADDR_AX25.withName("fsa_ax25"),
            sequenceLayout(8, AX25_ADDRESS).withName("fsa_digipeater")).withName("struct full_sockaddr_ax25");
    static final StructLayout SOCKADDR_IPX = structLayout(JAVA_SHORT.withName("sipx_family"),
            JAVA_SHORT.withName("sipx_port"), JAVA_INT.withName("sipx_network"),
            sequenceLayout(6, JAVA_BYTE).withName("sipx_node"), JAVA_BYTE.withName("sipx_type"),
            JAVA_BYTE.withName("sipx_zero")).withName("struct sockaddr_ipx");
    static final StructLayout SOCKADDR_X25 = structLayout(JAVA_SHORT.withName("sx25_family"),
            structLayout(sequenceLayout(16, JAVA_BYTE).withName("x25_addr")).withName("sx25_addr"))
            .withName("struct sockaddr_x25");
    static final StructLayout SOCKADDR_LL = structLayout(JAVA_SHORT.withName("sll_family"),
            JAVA_SHORT.withName("sll_protocol"), JAVA_INT.withName("sll_ifindex"), JAVA_SHORT.withName("sll_hatype"),
            JAVA_BYTE.withName("sll_pkttype"), JAVA_BYTE.withName("sll_halen"),
            sequenceLayout(8, JAVA_BYTE).withName("sll_addr")).withName("struct sockaddr_ll");
    static final StructLayout SOCKADDR_IEEE802154 = structLayout(JAVA_SHORT.withName("family"), paddingLayout(2),
            structLayout(JAVA_INT.withName("addr_type"), JAVA_SHORT.withName("pan_id"),
                    unionLayout(sequenceLayout(8, JAVA_BYTE).withName("hwaddr"), JAVA_SHORT.withName("short_addr")),
                    paddingLayout(2)).withName("addr")).withName("struct sockaddr_ieee802154");
    static final StructLayout SOCKADDR_ALG = structLayout(JAVA_SHORT.withName("salg_family"),
            sequenceLayout(14, JAVA_BYTE).withName("salg_type"), JAVA_INT.withName("salg_feat"),
            JAVA_INT.withName("salg_mask"), sequenceLayout(64, JAVA_BYTE).withName("salg_name"))
            .withName("struct sockaddr_alg");
    static final StructLayout SOCKADDR_NFC = structLayout(JAVA_SHORT.withName("sa_family"), paddingLayout(2),
            JAVA_INT.withName("dev_idx"), JAVA_INT.withName("target_idx"), JAVA_INT.withName("nfc_protocol"))
            .withName("struct sockaddr_nfc");
    static final StructLayout SOCKADDR_NFC_LLCP = structLayout(JAVA_SHORT.withName("sa_family"), paddingLayout(2),
            JAVA_INT.withName("dev_idx"), JAVA_INT.withName("target_idx"), JAVA_INT.withName("nfc_protocol"),
            JAVA_BYTE.withName("dsap"), JAVA_BYTE.withName("ssap"), sequenceLayout(63, JAVA_BYTE).withName("service_name"),
            paddingLayout(7), JAVA_LONG.withName("service_name_len")).withName("struct sockaddr_nfc_llcp");
    static final StructLayout SOCKADDR_VM = structLayout(JAVA_SHORT.withName("svm_family"),
            JAVA_SHORT.withName("svm_reserved1"), JAVA_INT.withName("svm_port"), JAVA_INT.withName("svm_cid"),
            JAVA_BYTE.withName("svm_flags"), sequenceLayout(3, JAVA_BYTE).withName("svm_zero"))
            .withName("struct sockaddr_vm");
    static final StructLayout SOCKADDR_QRTR = structLayout(JAVA_SHORT.withName("sq_family"), paddingLayout(2),
            JAVA_INT.withName("sq_node"), JAVA_INT.withName("sq_port")).withName("struct sockaddr_qrtr");
    static final StructLayout SOCKADDR_XDP = structLayout(JAVA_SHORT.withName("sxdp_family"),
            JAVA_SHORT.withName("sxdp_flags"), JAVA_INT.withName("sxdp_ifindex"), JAVA_INT.withName("sxdp_queue_id"),
            JAVA_INT.withName("sxdp_shared_umem_fd")).withName("struct sockaddr_xdp");
    static final StructLayout SOCKADDR_MCTP = structLayout(JAVA_SHORT.withName("smctp_family"),
            JAVA_SHORT.withName("__smctp_pad0"), JAVA_INT.withName("smctp_network"),
            structLayout(JAVA_BYTE.withName("s_addr")).withName("smctp_addr"), JAVA_BYTE.withName("smctp_type"),
            JAVA_BYTE.withName("smctp_tag"), JAVA_BYTE.withName("__smctp_pad1")).withName("struct sockaddr_mctp");

    /** bluez's bdaddr_t: six address bytes (packed). */
    static final StructLayout BDADDR = structLayout(sequenceLayout(6, JAVA_BYTE).withName("b")).withName("bdaddr_t");
    /** bluez's Bluetooth socket addresses (no kernel UAPI header: the probe compiles their definitions). */
    static final StructLayout SOCKADDR_HCI = structLayout(JAVA_SHORT.withName("hci_family"),
            JAVA_SHORT.withName("hci_dev"), JAVA_SHORT.withName("hci_channel")).withName("struct sockaddr_hci");
    static final StructLayout SOCKADDR_SCO = structLayout(JAVA_SHORT.withName("sco_family"),
            BDADDR.withName("sco_bdaddr")).withName("struct sockaddr_sco");
    static final StructLayout SOCKADDR_RC = structLayout(JAVA_SHORT.withName("rc_family"),
            BDADDR.withName("rc_bdaddr"), JAVA_BYTE.withName("rc_channel"), paddingLayout(1))
            .withName("struct sockaddr_rc");
    static final StructLayout SOCKADDR_L2 = structLayout(JAVA_SHORT.withName("l2_family"),
            JAVA_SHORT.withName("l2_psm"), BDADDR.withName("l2_bdaddr"), JAVA_SHORT.withName("l2_cid"),
            JAVA_BYTE.withName("l2_bdaddr_type"), paddingLayout(1)).withName("struct sockaddr_l2");
    /** {@code struct sockaddr_rxrpc} (linux/rxrpc.h): the transport address from offset 8. */
    static final StructLayout SOCKADDR_RXRPC = structLayout(JAVA_SHORT.withName("srx_family"),
            JAVA_SHORT.withName("srx_service"), JAVA_SHORT.withName("transport_type"),
            JAVA_SHORT.withName("transport_len"), unionLayout(JAVA_SHORT.withName("family"),
                    StructLayouts.SOCKADDR_IN.withName("sin"), StructLayouts.SOCKADDR_IN6.withName("sin6"))
                    .withName("transport")).withName("struct sockaddr_rxrpc");
    private static final String BLUETOOTH = "#include <stdint.h>\n#include <sys/socket.h>\n"
            + "typedef struct { uint8_t b[6]; } __attribute__((packed)) bdaddr_t;\n"
            + "struct sockaddr_hci { sa_family_t hci_family; unsigned short hci_dev; unsigned short hci_channel; };\n"
            + "struct sockaddr_sco { sa_family_t sco_family; bdaddr_t sco_bdaddr; };\n"
            + "struct sockaddr_rc { sa_family_t rc_family; bdaddr_t rc_bdaddr; uint8_t rc_channel; };\n"
            + "struct sockaddr_l2 { sa_family_t l2_family; unsigned short l2_psm; bdaddr_t l2_bdaddr;"
            + " unsigned short l2_cid; uint8_t l2_bdaddr_type; };\n";

    /** The layouts above with what declares each, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(SOCKADDR_AX25, "#include <linux/ax25.h>\n"),
            new CallStructLayouts.Declared(FULL_SOCKADDR_AX25, "#include <linux/ax25.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_IPX, "#include <netipx/ipx.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_X25, "#include <linux/x25.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_LL, "#include <linux/if_packet.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_IEEE802154, "#include <stdint.h>\n#include <sys/socket.h>\n"
                    + "struct ieee802154_addr_sa { int addr_type; uint16_t pan_id;"
                    + " union { uint8_t hwaddr[8]; uint16_t short_addr; }; };\n"
                    + "struct sockaddr_ieee802154 { sa_family_t family; struct ieee802154_addr_sa addr; };\n"),
            new CallStructLayouts.Declared(SOCKADDR_ALG, "#include <linux/if_alg.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_NFC, "#include <linux/nfc.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_NFC_LLCP, "#include <linux/nfc.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_VM, "#include <sys/socket.h>\n#include <linux/vm_sockets.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_QRTR, "#include <linux/qrtr.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_XDP, "#include <linux/if_xdp.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_MCTP, "#include <linux/mctp.h>\n"),
            new CallStructLayouts.Declared(SOCKADDR_HCI, BLUETOOTH), new CallStructLayouts.Declared(SOCKADDR_SCO, BLUETOOTH),
            new CallStructLayouts.Declared(SOCKADDR_RC, BLUETOOTH), new CallStructLayouts.Declared(SOCKADDR_L2, BLUETOOTH),
            new CallStructLayouts.Declared(SOCKADDR_RXRPC, "#include <sys/socket.h>\n#include <linux/rxrpc.h>\n"));
}
