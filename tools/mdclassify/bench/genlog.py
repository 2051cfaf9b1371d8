#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generate a realistic syslog-format kernel/daemon log for `make bench`.

Usage: genlog.py SIZE OUTPUT [SEED [SHAPE]]   (SIZE in bytes, suffixes K M G)

SHAPE (default "mixed", what the tests use):
  mixed   mostly unrelated lines (systemd, sshd, cron, NetworkManager,
          firewall, audit, USB, ext4, daemons that log the word "error"),
          about 0.1% storage error lines, grouped into incidents of the
          kinds mdclassify knows (media, transport, request, benign NOTSUPP)
  quiet   the same kind of host with another mix of daemons (mail, web,
          containers, kernel networking): 0.1% storage lines, and 1% benign
          lines that hold an anchor (sudo's COMMAND=, a daemon's [WARNING])
  noisy   a storage server: a quarter of the lines are benign messages
          naming dm-N, nvme, sd and md devices (mounts, queue setup,
          capacity changes, array assembly); 0.1% storage errors
  storm   the dm-mirror zero-length READ storm: two thirds of the lines
          are block layer, NVMe and dm-raid1 error lines, in bursts of
          the same sector (about 250,000 lines per 5 s on the real host)
  failing disks failing under md: half of the lines are SCSI sense, block
          layer, NVMe media and md read-error lines, each for a new sector
          and command tag, so no two error messages are the same text
Deterministic for a seed and shape.
"""
import random
import sys

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

NOISE = [
    "systemd[1]: Started Session {n} of User alice.",
    "systemd[1]: session-{n}.scope: Deactivated successfully.",
    "systemd-logind[612]: New session {n} of user bob.",
    "sshd[{p}]: Accepted publickey for deploy from 10.{a}.{b}.{c} port {port} ssh2: ED25519 SHA256:Zk3{n}",
    "sshd[{p}]: error: kex_exchange_identification: Connection closed by remote host",
    "sshd[{p}]: Connection closed by authenticating user root 10.{a}.{b}.{c} port {port} [preauth]",
    "CRON[{p}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
    "kernel: [{t}] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:{a:02x}:{b:02x}:{c:02x} SRC=10.{a}.{b}.{c} DST=10.0.0.2 LEN=60 TOS=0x00 PROTO=TCP SPT={port} DPT=22",
    "kernel: [{t}] audit: type=1400 audit({t}:{n}): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.firefox\" name=\"/proc/{p}/mounts\"",
    "NetworkManager[803]: <info>  [{t}] dhcp4 (eth0): state changed new lease, address=10.{a}.{b}.{c}",
    "dockerd[1021]: time=\"2024-11-21T08:00:00.{n}Z\" level=error msg=\"Handler for GET /v1.43/containers/json returned error: context canceled\"",
    "kernel: [{t}] EXT4-fs (sda2): mounted filesystem {n:08x} r/w with ordered data mode. Quota mode: none.",
    "kernel: [{t}] usb 1-{a}: new high-speed USB device number {b} using xhci_hcd",
    "kernel: [{t}] perf: interrupt took too long ({n} > {p}), lowering kernel.perf_event_max_sample_rate to 25000",
    "postfix/smtpd[{p}]: connect from unknown[10.{a}.{b}.{c}]",
    "postfix/smtpd[{p}]: warning: hostname mail{n}.example.net does not resolve to address 10.{a}.{b}.{c}",
    "rsyslogd[588]: imjournal: {n} messages lost due to rate-limiting (20000 allowed within 600 seconds)",
    "chronyd[640]: Selected source 10.{a}.{b}.{c} (2.debian.pool.ntp.org)",
    "kernel: [{t}] TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.",
    "nginx[{p}]: 2024/11/21 08:00:00 [error] {p}#0: *{n} upstream timed out (110: Connection timed out) while reading response header",
    "kernel: [{t}] device vethab{n:x} entered promiscuous mode",
    "containerd[900]: time=\"2024-11-21T08:00:00Z\" level=info msg=\"shim disconnected\" id={n:x}",
    "smartd[700]: Device: /dev/sda [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from {a} to {b}",
    "kernel: [{t}] IPv6: ADDRCONF(NETDEV_CHANGE): eth{a}: link becomes ready",
]

# quiet: another host's daemons
QUIET = [
    "postfix/qmgr[{p}]: {n:X}: from=<bounce@example.org>, size={port}, nrcpt=1 (queue active)",
    "postfix/smtp[{p}]: {n:X}: to=<ops@example.com>, relay=mx.example.com[10.{a}.{b}.{c}]:25, delay=0.{a}, status=sent (250 2.0.0 Ok)",
    "dovecot[{p}]: imap-login: Login: user=<u{n}>, method=PLAIN, rip=10.{a}.{b}.{c}, lip=10.0.0.5, mpid={p}, TLS",
    "haproxy[{p}]: 10.{a}.{b}.{c}:{port} [21/Nov/2024:08:00:00.{a}] web~ app/srv{b} 0/0/1/{c}/{n} 200 {port} - - ---- 12/12/0/0/0 0/0 \"GET /api/v1/items/{n} HTTP/1.1\"",
    "kubelet[{p}]: I1121 08:00:00.{n} {p} kubelet_pods.go:{port}] \"Clean up pod volumes\" pod=\"default/web-{n:x}\"",
    "kernel: [{t}] br-{n:x}: port {a}(veth{b:x}) entered forwarding state",
    "kernel: [{t}] nf_conntrack: nf_conntrack: table full, dropping packet",
    "kernel: [{t}] igb 0000:0{a:x}:00.0 eth1: igb: eth1 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX",
    "systemd[1]: Starting Daily apt download activities...",
    "systemd[1]: logrotate.service: Succeeded.",
    "named[{p}]: client @0x{n:x} 10.{a}.{b}.{c}#{port} (www.example.net): query failed (SERVFAIL) for www.example.net/IN/A",
    "kernel: [{t}] Out of memory: Killed process {p} (java) total-vm:{n}kB, anon-rss:{port}kB",
]

# quiet: 1% of the lines, benign lines that happen to hold an anchor
QUIET_RARE = [
    "php-fpm[{p}]: [WARNING] [pool www] child {n} exited on signal 9 (SIGKILL) after {a}.{b} seconds from start",
    "sudo[{p}]:    alice : TTY=pts/{a} ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl status nginx",
]

# noisy: benign lines that name storage devices
STORAGE_BENIGN = [
    "kernel: [{t}] EXT4-fs (dm-{a}): mounted filesystem {n:08x} r/w with ordered data mode. Quota mode: none.",
    "kernel: [{t}] XFS (dm-{a}): Mounting V5 Filesystem {n:08x}-{b:04x}",
    "kernel: [{t}] XFS (dm-{a}): Ending clean mount",
    "kernel: [{t}] dm-{a}: detected capacity change from 0 to {n}",
    "kernel: [{t}] nvme nvme{d}: {b}/0/0 default/read/poll queues",
    "kernel: [{t}] nvme nvme{d}: pci function 0000:{a:02x}:00.0",
    "kernel: [{t}] nvme{d}n1: p1 p2 p3",
    "kernel: [{t}] EXT4-fs (nvme{d}n1p{e}): re-mounted {n:08x}. Quota mode: none.",
    "kernel: [{t}] device-mapper: ioctl: 4.48.0-ioctl (2023-03-01) initialised: dm-devel@lists.linux.dev",
    "kernel: [{t}] device-mapper: uevent: version 1.0.3",
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] {n} 512-byte logical blocks: (1.00 TB/932 GiB)",
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] Write cache: enabled, read cache: enabled, doesn't support DPO or FUA",
    "kernel: [{t}] md/raid1:md{e}: active with 2 out of 2 mirrors",
    "kernel: [{t}] md: data-check of RAID array md{e}",
    "lvm[{p}]: 3 logical volume(s) in volume group \"vg{e}\" now active",
    "systemd[1]: Mounted /srv/data{e} (/dev/mapper/vg{e}-data).",
    "multipathd[{p}]: mpath{l}: load table [0 {n} multipath 0 0 1 1 service-time 0 1 1 8:{b} 1]",
    "kernel: [{t}] blk_update_request: operation not supported error, dev dm-{a}, sector 0 op 0x9:(WRITE_ZEROES) flags 0x0 phys_seg 0 prio class 2",
]

# storm: what the dm-mirror zero-length READ storm writes
STORM = [
    "kernel: [{t}] operation not supported error, dev nvme{d}n1, sector {s} op 0x0:(READ) flags 0x0 phys_seg 0 prio class 2",
    "kernel: [{t}] nvme{d}n1: I/O Cmd(0x2) @ LBA {s}, 0 blocks, I/O Error (sct 0x0 / sc 0x2)",
    "kernel: [{t}] nvme{d}n1: Read(0x2) @ LBA {s}, 0 blocks, Invalid Field in Command (sct 0x0 / sc 0x2) DNR",
    "kernel: [{t}] device-mapper: raid1: Mirror read failed.",
    "kernel: [{t}] I/O error, dev nvme{d}n1, sector {s} op 0x0:(READ) flags 0x4000 phys_seg 0 prio class 2",
    "kernel: [{t}] blk_print_req_error: {n} callbacks suppressed",
]

# failing: what disks going bad under md raid1 write, a new sector a line
FAILING = [
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] tag#{q} FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age={e}s",
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] tag#{q} Sense Key : Medium Error [current]",
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] tag#{q} Add. Sense: Unrecovered read error - auto reallocate failed",
    "kernel: [{t}] sd {d}:0:0:0: [sd{l}] tag#{q} CDB: Read(16) 88 00 00 00 00 00 {s:08x} 00 00 00 08 00 00",
    "kernel: [{t}] critical medium error, dev sd{l}, sector {s} op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2",
    "kernel: [{t}] md/raid1:md{e}: sd{l}1: rescheduling sector {s}",
    "kernel: [{t}] md/raid1:md{e}: redirecting sector {s} to other mirror: sdb1",
    "kernel: [{t}] md/raid1:md{e}: read error corrected (8 sectors at {s} on sd{l}1)",
    "kernel: [{t}] nvme{d}n1: Read(0x2) @ LBA {s}, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR",
    "kernel: [{t}] I/O error, dev nvme{d}n1, sector {s} op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2",
    "kernel: [{t}] Buffer I/O error on dev sd{l}1, logical block {s}, async page read",
]

INCIDENTS = [
    # media, SATA disk under md raid1
    ["kernel: [{t}] ata3.00: exception Emask 0x0 SAct 0x1 SErr 0x0 action 0x0",
     "kernel: [{t}] ata3.00: failed command: READ FPDMA QUEUED",
     "kernel: [{t}] ata3.00: status: {{ DRDY ERR }}",
     "kernel: [{t}] ata3.00: error: {{ UNC }}",
     "kernel: [{t}] sd 2:0:0:0: [sdc] tag#1 Sense Key : Medium Error [current]",
     "kernel: [{t}] sd 2:0:0:0: [sdc] tag#1 Add. Sense: Unrecovered read error - auto reallocate failed",
     "kernel: [{t}] critical medium error, dev sdc, sector {s} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2",
     "kernel: [{t}] md/raid1:md{m}: sdc{k}: rescheduling sector {s}",
     "kernel: [{t}] md/raid1:md{m}: redirecting sector {s} to other mirror: sdb{k}",
     "kernel: [{t}] md/raid1:md{m}: Disk failure on sdc{k}, disabling device.",
     "kernel: [{t}] md/raid1:md{m}: Operation continuing on 1 devices."],
    # transport, link resets
    ["kernel: [{t}] ata4: exception Emask 0x10 SAct 0x0 SErr 0x10000 action 0xe frozen",
     "kernel: [{t}] ata4: irq_stat 0x00400000, PHY RDY changed",
     "kernel: [{t}] ata4: hard resetting link",
     "kernel: [{t}] ata4: SATA link down (SStatus 0 SControl 300)",
     "kernel: [{t}] sd 3:0:0:0: rejecting I/O to offline device",
     "kernel: [{t}] I/O error, dev sdd, sector {s} op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2",
     "kernel: [{t}] md: super_written gets error=-5",
     "kernel: [{t}] md/raid:md{m}: Disk failure on sdd{k}, disabling device.",
     "kernel: [{t}] md/raid:md{m}: Operation continuing on 3 devices."],
    # request, the 6.18 dm-raid pattern
    ["kernel: [{t}] md/raid1:mdX: dm-{d}: rescheduling sector 0",
     "kernel: [{t}] md/raid1:mdX: redirecting sector 0 to other mirror: dm-{d}",
     "kernel: [{t}] md/raid1:mdX: dm-{d}: rescheduling sector 0",
     "kernel: [{t}] md/raid1:mdX: redirecting sector 0 to other mirror: dm-{d}",
     "kernel: [{t}] md/raid1:mdX: dm-{d}: rescheduling sector 0",
     "kernel: [{t}] md/raid1:mdX: dm-{d}: Raid device exceeded read_error threshold [cur 21:max 20]",
     "kernel: [{t}] md/raid1:mdX: dm-{d}: Failing raid device",
     "kernel: [{t}] md/raid1:mdX: Disk failure on dm-{d}, disabling device.",
     "dmeventd[{p}]: WARNING: Device #0 of raid1 array, vg0-lv{d}, has failed."],
    # benign
    ["kernel: [{t}] operation not supported error, dev nvme0n1, sector {s} op 0x9:(WRITE_ZEROES) flags 0x0 phys_seg 0 prio class 2"],
]


def size_arg(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if s[-1].upper() in mult:
        return int(float(s[:-1]) * mult[s[-1].upper()])
    return int(s)


def main():
    size = size_arg(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    shape = sys.argv[4] if len(sys.argv) > 4 else "mixed"
    noise = {"mixed": NOISE, "quiet": QUIET + NOISE[::3], "noisy": NOISE,
             "storm": NOISE, "failing": QUIET[::2] + NOISE[1::2]}[shape]
    # share of lines from the shape's own list
    extra, extra_p = {"mixed": (None, 0), "quiet": (QUIET_RARE, 0.01),
                      "noisy": (STORAGE_BENIGN, 0.25),
                      "storm": (STORM, 2.0 / 3),
                      "failing": (FAILING, 0.5)}[shape]
    burst_s, burst_left = 0, 0
    t = 1000.0
    sec = 0
    written = 0
    lines = 0
    storage = 0
    buf = []
    blen = 0
    host = "fleet-db07"
    # 0.1% of lines are storage lines: one incident block per ~8000 lines
    with open(out, "w", encoding="ascii") as f:
        while written < size:
            sec += rnd.random() * 0.02
            t += rnd.random() * 0.02
            day = 1 + int(sec // 86400) % 28
            hh = int(sec // 3600) % 24
            mm = int(sec // 60) % 60
            ss = int(sec) % 60
            stamp = "%s %2d %02d:%02d:%02d %s " % (
                MONTHS[int(sec // (86400 * 28)) % 12], day, hh, mm, ss, host)
            if rnd.random() < 1.0 / 8000:
                inc = rnd.choice(INCIDENTS)
                v = dict(m=rnd.randrange(0, 8), k=rnd.randrange(1, 4),
                         d=rnd.randrange(10, 99), s=rnd.randrange(1 << 30),
                         p=rnd.randrange(1000, 60000))
                block = []
                for tmpl in inc:
                    t += 0.0001
                    block.append(stamp + tmpl.format(t="%12.6f" % t, **v))
                storage += len(block)
            elif extra and rnd.random() < extra_p:
                if burst_left <= 0:	# a storm repeats one sector
                    burst_s = rnd.randrange(1 << 30)
                    burst_left = rnd.randrange(1, 400)
                if extra is FAILING:	# a failing disk does not
                    burst_left = 0
                burst_left -= 1
                tmpl = rnd.choice(extra)
                block = [stamp + tmpl.format(
                    t="%12.6f" % t, n=rnd.randrange(1, 1 << 30),
                    p=rnd.randrange(1000, 60000), a=rnd.randrange(64),
                    b=rnd.randrange(256), d=rnd.randrange(4),
                    e=rnd.randrange(1, 4),
                    l=("cdef" if extra is FAILING else "abcd")[rnd.randrange(4)],
                    q=rnd.randrange(4096) if extra is FAILING else 0,
                    s=burst_s)]
                if extra in (STORM, FAILING):
                    storage += 1
            else:
                tmpl = rnd.choice(noise)
                block = [stamp + tmpl.format(
                    t="%12.6f" % t, n=rnd.randrange(1, 1 << 30),
                    p=rnd.randrange(1000, 60000), a=rnd.randrange(256),
                    b=rnd.randrange(256), c=rnd.randrange(256),
                    port=rnd.randrange(1024, 65535))]
            for line in block:
                buf.append(line)
                blen += len(line) + 1
                lines += 1
            if blen > (1 << 20):
                f.write("\n".join(buf) + "\n")
                written += blen
                buf = []
                blen = 0
        if buf:
            f.write("\n".join(buf) + "\n")
            written += blen
    sys.stderr.write("genlog: %d bytes, %d lines, %d storage lines (%.3f%%)\n"
                     % (written, lines, storage, 100.0 * storage / max(lines, 1)))


if __name__ == "__main__":
    main()
