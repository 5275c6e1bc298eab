# The two commands of the README. Both install what is missing first and
# build incrementally, so a second run is fast.
.PHONY: run test setup build

run:
	@scripts/setup.sh
	@scripts/build.sh
	@scripts/run.sh

test:
	@scripts/setup.sh test
	@scripts/build.sh
	@scripts/test.sh
