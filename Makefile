# Install fhir-deid like a Unix tool: make install PREFIX=$HOME/.local (default /usr/local).
# Installs the release binary, the man page and bash, zsh and fish completions. BIN names
# another binary to install (the tests install the debug build); DESTDIR stages a package.

PREFIX ?= /usr/local
BIN ?= .build/release/fhir-deid
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all install uninstall

all: .build/release/fhir-deid

.build/release/fhir-deid:
	swift build -c release

install: $(BIN)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/fhir-deid
	install -m 644 man/fhir-deid.1 $(MANDIR)/fhir-deid.1
	$(BIN) --generate-completion-script bash > $(BASHDIR)/fhir-deid
	$(BIN) --generate-completion-script zsh > $(ZSHDIR)/_fhir-deid
	$(BIN) --generate-completion-script fish > $(FISHDIR)/fhir-deid.fish

uninstall:
	rm -f $(BINDIR)/fhir-deid $(MANDIR)/fhir-deid.1 $(BASHDIR)/fhir-deid \
	  $(ZSHDIR)/_fhir-deid $(FISHDIR)/fhir-deid.fish
