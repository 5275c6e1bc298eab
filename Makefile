# The two commands of the README. Both install what is missing first and
# build incrementally, so a second run is fast.
.PHONY: run test test-scale installers

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

# The DataFusion path of docs/scale.md (the `scale` feature): its integration
# test, kept out of `make test` because DataFusion alone takes minutes to
# build. Its own target directory, so the default build is not rebuilt.
test-scale:
	CARGO_TARGET_DIR=$${CARGO_TARGET_DIR:-target/scale} cargo test --features scale --lib --test scale
