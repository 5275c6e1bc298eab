# The two commands of the README. Both install what is missing first and
# build incrementally, so a second run is fast.
.PHONY: run test installers

run:
	@scripts/setup.sh
	@scripts/build.sh
	@scripts/run.sh

test:
	@scripts/setup.sh test
	@scripts/build.sh
	@scripts/test.sh

installers:
	@scripts/setup.sh
	@scripts/build.sh
	@ui/node_modules/.bin/tauri build --bundles deb,rpm --config '{"build":{"beforeBuildCommand":""}}'
