# Screenshots of the HTML output in Debian's headless Chromium, to look
# at (not part of CI): the sample series' index and part 16, 1200 and 390
# pixels wide, in build/shots/.  apt-get install chromium fonts-noto-cjk.
SHOTS		 = build/shots
CHROMIUM	?= chromium
SHOT_FLAGS	 = --headless --no-sandbox --disable-gpu \
		   --disable-background-networking --disable-component-update \
		   --disable-sync --no-first-run --hide-scrollbars

.PHONY: shots

shots: dailylog
	@command -v $(CHROMIUM) >/dev/null || \
	    { echo "shots: $(CHROMIUM) is not installed"; exit 1; }
	rm -rf $(SHOTS)
	./dailylog -C samples/store render badge -f html -o $(SHOTS)/site/
	@for page in index part-16; do for w in 1200 390; do \
	    profile=$$(mktemp -d) && \
	    $(CHROMIUM) $(SHOT_FLAGS) --user-data-dir=$$profile \
	        --screenshot=$(CURDIR)/$(SHOTS)/$$page-$$w.png \
	        --window-size=$$w,900 \
	        file://$(CURDIR)/$(SHOTS)/site/$$page.html >/dev/null 2>&1; \
	    rm -rf $$profile; \
	    echo "$(SHOTS)/$$page-$$w.png"; \
	done; done
