#!/bin/bash
# mkinitramfs.sh OUT.cpio.gz MODULE.ko VMIO_BINARY MDCLASSIFY_BINARY [MDADM]
# Guest root from this machine's Debian packages (busybox-static, mdadm, lvm2,
# dmsetup) + their shared libraries (ldd) + the harness' own programs and
# mdclassify (its --live view of the guest's arrays is checked there).
# MDADM: another mdadm binary instead of the package's (e.g. one that can
# create the lockless bitmap).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1; ko=$2; vmio=$3; mdc=$4; mdadm=${5:-mdadm}
root=$(mktemp -d "${TMPDIR:-/tmp}/vmroot.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc/lvm,proc,sys,dev,run,tmp,scenarios,root}
need() { command -v "$1" >/dev/null || { echo "mkinitramfs: $1 missing (apt-get install -y $2)" >&2; exit 1; }; }
need busybox busybox-static; need "$mdadm" mdadm; need lvm lvm2; need dmsetup dmsetup
file -L "$(command -v busybox)" | grep -q 'statically linked' || { echo "mkinitramfs: busybox is not static (install busybox-static)" >&2; exit 1; }
cp "$(command -v busybox)" "$root/bin/busybox"
for a in $("$root/bin/busybox" --list); do
	[ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
done
for b in "$mdadm" lvm dmsetup "$mdc"; do
	p=$(readlink -f "$(command -v $b)")
	cp "$p" "$root/sbin/$(basename "$b")"
	for l in $(ldd "$p" | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$l")"
		cp -L "$l" "$root$l"
	done
done
for t in pvcreate vgcreate lvcreate lvconvert lvchange vgchange lvs pvs vgs; do ln -s lvm "$root/sbin/$t"; done
cat > "$root/etc/lvm/lvm.conf" <<'LVM'
devices {
	dir = "/dev"
	scan = [ "/dev" ]
	obtain_device_list_from_udev = 0
	external_device_info_source = "none"
	use_devicesfile = 0
	multipath_component_detection = 0
	fw_raid_component_detection = 0
filter = [ "r|.*|" ]
}
activation {
	udev_sync = 0
	udev_rules = 0
	verify_udev_operations = 0
	monitoring = 0
	raid_region_size = 512
}
global {
	use_lvmpolld = 0
	event_activation = 0
}
backup { backup = 0 archive = 0 }
log { verbose = 0 syslog = 0 }
LVM
echo "DEVICE /dev/nvme*n1 /dev/mapper/e*" > "$root/etc/mdadm.conf"
cp "$vmio" "$root/bin/vmio"
cp "$ko" "$root/lib/dm-vmerr.ko"
cp "$here/guest/init" "$root/init"
cp "$here"/guest/scenarios/*.sh "$root/scenarios/"
chmod +x "$root/init"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1 > "$out"
