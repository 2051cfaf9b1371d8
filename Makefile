# SPDX-License-Identifier: GPL-2.0
#
# Storage hardening: md/dm request-error series, their tests, and mdclassify.
#
#   make                       build tools/mdclassify/mdclassify
#   make example               run mdclassify on the bundled example incidents
#   make check                 everything CI runs (see README.md)
#
# Kernel targets take LINE=<7.1|6.18|6.12|6.1> and optionally KSRC=<tree>:
#   make kernel-src LINE=6.12  Debian linux-source-6.12 as a git tree (tag base)
#   make apply                 apply drivers-md/$(LINE)/series with git am
#   make build                 W=1 build of drivers/md, no warning in touched files
#   make sparse                C=2 on drivers/md, no new warning against the base
#   make checkpatch            checkpatch.pl --strict on every patch
#   make kunit                 KUnit under UML (kunit.py, drivers/md/tests)
#   make maintainers           MAINTAINERS.snippet matches what the series add
#   make check-line            build, sparse, checkpatch, maintainers, kunit
#   make kunit-mutants         undo each behaviour of the fix: KUnit must fail
#   make vmtest [PATCHED=0]    QEMU scenarios on the patched (or base) kernel
#                [SCENARIOS=a,b] [MDADM=path] [VMFLAGS=--kmsan]
#   make patches               mail-ready series in build/patches/$(LINE)/
#   make htmldocs              the admin-guide page in the kernel's Sphinx build
# Without KSRC the tree is build/src/$(LINE), which the targets reset to its
# base and patch themselves.  With KSRC (your own git tree, or the 6.18/7.1
# trees) the series goes on top of its HEAD with `make apply`, once.

LINE ?= 6.12
# what `make check` (CI) builds and tests: check-line for CI_LINES, vmtest
# for CI_VM_LINES (packaged Debian kernels only)
CI_LINES := 6.12 6.1
CI_VM_LINES := 6.12
BUILD := $(CURDIR)/build
OUT := $(BUILD)/out/$(LINE)
ifeq ($(origin KSRC),undefined)
KSRC := $(BUILD)/src/$(LINE)
MANAGED := 1
else
override KSRC := $(abspath $(KSRC))
MANAGED :=
endif
PATCHED ?= 1
S := tools/series
SERIES_INPUTS := $(shell find drivers-md/$(LINE) drivers-md/docs kunit/md kunit/dm-mirror \
		   Documentation/admin-guide -type f 2>/dev/null) \
		 $(S)/apply.sh $(S)/maintainers.py

# ccache: paths below the checkout are hashed relative to it, so a fresh
# clone (CI) reuses what an earlier build of the same sources left.
export CCACHE_DIR ?= $(HOME)/.cache/ccache
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1

# Debian packages of the main job (`make deps && make example`): mdclassify's
# compiler and libraries only.
APT_TOOL_PACKAGES := build-essential pkg-config zlib1g-dev liblzma-dev \
	libzstd-dev libsystemd-dev libjson-c-dev

# Debian packages that build, check and test everything here (kernel
# trees, QEMU, the VM guest, fuzzing): `make check` pulls them in
# through deps-all.
APT_PACKAGES := build-essential bc bison flex libelf-dev libssl-dev cpio kmod \
	xz-utils zstd python3 perl git ccache sparse rsync \
	pkg-config zlib1g-dev liblzma-dev libzstd-dev libsystemd-dev libjson-c-dev \
	clang-14 libclang-rt-14-dev time systemd-journal-remote \
	qemu-system-x86 busybox-static mdadm lvm2 dmsetup libaio-dev liburing-dev \
	linux-source-6.12 linux-source-6.1

.PHONY: all mdclassify example bench install deps deps-all kernel-src apply applied \
	build sparse checkpatch maintainers fixes series-test kunit kunit-mutants check-line vmtest patches htmldocs check \
	mdclassify-check clean

all: mdclassify

mdclassify:
	@$(MAKE) --no-print-directory -C tools/mdclassify

example:
	@$(MAKE) --no-print-directory -C tools/mdclassify example

bench:
	@$(MAKE) --no-print-directory -C tools/mdclassify bench

install:
	@$(MAKE) --no-print-directory -C tools/mdclassify install

mdclassify-check:
	@$(MAKE) --no-print-directory -C tools/mdclassify check

# $(call apt_install,TARGET,PACKAGES)
define apt_install
	@missing=""; for p in $(2); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || \
		missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "$(1): all $(words $(2)) Debian packages installed"; \
	elif [ "$$(id -u)" != 0 ]; then echo "$(1): missing:$$missing; run as root or apt-get install them" >&2; exit 1; \
	else echo "$(1): installing$$missing"; apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
endef

# the main job's packages; deps-all: everything `make check` needs
deps:
	$(call apt_install,deps,$(APT_TOOL_PACKAGES))

deps-all:
	$(call apt_install,deps-all,$(APT_PACKAGES))

kernel-src:
ifeq ($(MANAGED),1)
	@$(S)/kernel-src.sh $(LINE) $(KSRC)
else
	@git -C $(KSRC) rev-parse --git-dir >/dev/null 2>&1 || \
		{ echo "kernel-src: KSRC=$(KSRC) is not a git tree" >&2; exit 2; }
endif

# Managed trees are reset to base and patched; KSRC trees are patched on HEAD.
apply: kernel-src
	@echo "== apply: drivers-md/$(LINE)/series -> $(KSRC)"
	@mkdir -p $(OUT)
ifeq ($(MANAGED),1)
	@git -C $(KSRC) am --abort >/dev/null 2>&1 || true
	@git -C $(KSRC) checkout -q -f -B md-hardening base
	@git -C $(KSRC) clean -q -f -d -x -- drivers/md MAINTAINERS
endif
	@$(S)/apply.sh $(LINE) $(KSRC)
	@git -C $(KSRC) rev-parse HEAD > $(OUT)/applied

# Re-apply a managed tree only when it or the series changed.
applied:
ifeq ($(MANAGED),1)
	@if [ ! -f $(OUT)/applied ] || \
	    [ "$$(git -C $(KSRC) rev-parse HEAD 2>/dev/null)" != "$$(cat $(OUT)/applied)" ] || \
	    [ -n "$$(find $(SERIES_INPUTS) -newer $(OUT)/applied 2>/dev/null)" ]; then \
		$(MAKE) --no-print-directory apply LINE=$(LINE); fi
else
	@git -C $(KSRC) rev-parse -q --verify series-base/$(LINE) >/dev/null || \
		{ echo "$(KSRC): series not applied: make apply LINE=$(LINE) KSRC=$(KSRC)" >&2; exit 2; }
endif

build: applied
	@echo "== build: W=1, $(LINE), $(KSRC)"
	@$(S)/wbuild.sh $(LINE) $(KSRC) $(OUT)

sparse: applied
	@echo "== sparse: C=2, $(LINE), $(KSRC)"
	@$(S)/sparse.sh $(LINE) $(KSRC) $(OUT)/sparse

checkpatch: applied
	@echo "== checkpatch: --strict, drivers-md/$(LINE)"
	@$(S)/checkpatch.sh $(LINE) $(KSRC)

kunit: applied
	@echo "== kunit: UML, $(LINE), $(KSRC)"
	@$(S)/kunit.sh $(KSRC) $(OUT)/kunit

maintainers: applied
	@echo "== maintainers: MAINTAINERS.snippet against drivers-md/$(LINE)"
	@$(S)/maintainers-check.sh $(LINE) $(KSRC)

# Undo one behaviour of the series at a time; the KUnit suites must fail.
kunit-mutants: applied
	@echo "== kunit-mutants: $(LINE), $(KSRC)"
	@$(S)/kunit-mutants.sh $(KSRC) $(OUT)/kunit

# Every Fixes: of the series resolves in the line's tree (upstream-commits.tsv
# for trees without history).
fixes: applied
	@python3 $(S)/fixes-check.py $(LINE) $(KSRC)

# Who signs what: apply.sh and patches.sh with a temporary HOME.
series-test:
	@$(S)/test-identity.sh

check-line: applied
	@$(MAKE) --no-print-directory build sparse checkpatch maintainers fixes series-test kunit LINE=$(LINE) \
		$(if $(MANAGED),,KSRC=$(KSRC))

# PATCHED=0: the same scenarios on the tree without the series.
# SCENARIOS=, MDADM= (e.g. an mdadm 4.6 for the md-raid1-llbm scenarios) and
# VMFLAGS= (--debug, --kmsan, --timeout N) pass through to vmtest.sh.
VMTEST_ARGS = $(if $(SCENARIOS),--scenarios $(SCENARIOS)) $(if $(MDADM),--mdadm $(abspath $(MDADM))) $(VMFLAGS)
vmtest: $(if $(filter 0,$(PATCHED)),kernel-src,applied)
	@echo "== vmtest: $(LINE), $(if $(filter 0,$(PATCHED)),unpatched,patched), $(KSRC)"
	@if [ "$(PATCHED)" = 0 ]; then \
		rev=$$(git -C $(KSRC) rev-parse -q --verify series-base/$(LINE) || git -C $(KSRC) rev-parse base); \
		wt=$(BUILD)/src/$(LINE)-unpatched; \
		[ -d $$wt ] || git -C $(KSRC) worktree add -q --detach $$wt $$rev; \
		git -C $$wt checkout -q --detach $$rev; \
		kunit/vm/vmtest.sh --ksrc $$wt --out $(OUT)/vm-unpatched --line $(LINE) --patched 0 $(VMTEST_ARGS); \
	else \
		kunit/vm/vmtest.sh --ksrc $(KSRC) --out $(OUT)/vm --line $(LINE) --patched 1 $(VMTEST_ARGS); \
	fi

# The admin guide page in the kernel's own Sphinx build (needs python3-sphinx
# and python3-sphinx-rtd-theme): no warning may name it.
htmldocs: applied
	@echo "== htmldocs: Documentation/admin-guide of $(LINE) with the series"
	@$(MAKE) -s -C $(KSRC) O=$(OUT)/docs SPHINXDIRS=admin-guide htmldocs > $(OUT)/htmldocs.log 2>&1 || \
		{ tail -20 $(OUT)/htmldocs.log; exit 1; }
	@n=$$(grep -c 'md-request-errors' $(OUT)/htmldocs.log || true); \
	echo "htmldocs: admin-guide built, $$n warnings about md-request-errors.rst"; \
	grep 'md-request-errors' $(OUT)/htmldocs.log || true; [ "$$n" = 0 ]

patches: applied
	@$(S)/patches.sh $(LINE) $(KSRC) $(BUILD)/patches/$(LINE)

# What CI runs: the tool's tests, the workflow for both Debian lines, and
# the VM scenarios on patched 6.12.  Ends with "N passed, N failed".
check: deps-all
	@pass=0; fail=0; failed=""; \
	for step in mdclassify-check $(addprefix check-line:,$(CI_LINES)) \
		    $(addprefix vmtest:,$(CI_VM_LINES)); do \
		target=$${step%%:*}; line=$${step#*:}; [ "$$line" = "$$step" ] && line=; \
		echo "==== $$step"; \
		if $(MAKE) --no-print-directory $$target $${line:+LINE=$$line}; then \
			pass=$$((pass + 1)); else fail=$$((fail + 1)); failed="$$failed $$step"; fi; \
	done; \
	[ -z "$$failed" ] || echo "check: failed:$$failed"; \
	echo "check: $$pass passed, $$fail failed"; \
	[ $$fail = 0 ]

clean:
	@$(MAKE) --no-print-directory -C tools/mdclassify clean
	rm -rf $(BUILD)/out $(BUILD)/patches
