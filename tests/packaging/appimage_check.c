/* SPDX-License-Identifier: MIT */
/* An independent reader for the AppImages we build: Debian's libappimage (not our runtime) must recognise
 * the file as type 2, find the payload where our runtime says it is, and list the expected paths.
 * Usage: appimage_check FILE EXPECTED_OFFSET PATH...   (EXPECTED_OFFSET -1 skips the offset check) */
#include <appimage/appimage.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s FILE EXPECTED_OFFSET PATH...\n", argv[0]);
        return 2;
    }
    const char *file = argv[1];
    int failures = 0;
    int type = appimage_get_type(file, false);
    printf("type: %d\n", type);
    if (type != 2) {
        fprintf(stderr, "FAIL: libappimage says type %d, expected 2\n", type);
        return 1;
    }
    long long offset = (long long)appimage_get_payload_offset(file);
    long long expected = atoll(argv[2]);
    printf("payload offset: %lld\n", offset);
    if (expected >= 0 && offset != expected) {
        fprintf(stderr, "FAIL: libappimage finds the payload at %lld, the runtime at %lld\n", offset, expected);
        ++failures;
    }
    char **files = appimage_list_files(file);
    if (!files || !files[0]) {
        fprintf(stderr, "FAIL: libappimage lists no files\n");
        appimage_string_list_free(files);
        return 1;
    }
    size_t count = 0;
    while (files[count]) {
        ++count;
    }
    printf("files: %zu\n", count);
    for (int i = 3; i < argc; ++i) {
        int found = 0;
        for (size_t j = 0; j < count && !found; ++j) {
            found = strcmp(files[j], argv[i]) == 0;
        }
        printf("%s: %s\n", argv[i], found ? "listed" : "MISSING");
        failures += !found;
    }
    appimage_string_list_free(files);
    return failures ? 1 : 0;
}
