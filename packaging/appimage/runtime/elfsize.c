/* SPDX-License-Identifier: MIT */
/* Where the ELF ends: the squashfs payload of a type-2 AppImage starts right there. Handles 32/64-bit and
 * both byte orders, so the same code works for every architecture's runtime. */
#include "runtime.h"

#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    int fd;
    bool swap;
} elf_file;

static uint16_t get16(const elf_file *f, uint16_t v)
{
    return f->swap ? (uint16_t)__builtin_bswap16(v) : v;
}

static uint32_t get32(const elf_file *f, uint32_t v)
{
    return f->swap ? __builtin_bswap32(v) : v;
}

static uint64_t get64(const elf_file *f, uint64_t v)
{
    return f->swap ? __builtin_bswap64(v) : v;
}

static bool read_at(const elf_file *f, void *buf, size_t n, uint64_t off)
{
    return pread(f->fd, buf, n, (off_t)off) == (ssize_t)n;
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
    return a > b ? a : b;
}

static off_t size64(const elf_file *f)
{
    Elf64_Ehdr eh;
    if (!read_at(f, &eh, sizeof eh, 0)) {
        return -1;
    }
    uint64_t shoff = get64(f, eh.e_shoff), phoff = get64(f, eh.e_phoff);
    uint16_t shnum = get16(f, eh.e_shnum), phnum = get16(f, eh.e_phnum);
    uint16_t shentsize = get16(f, eh.e_shentsize), phentsize = get16(f, eh.e_phentsize);
    uint64_t end = max_u64(sizeof eh, shoff + (uint64_t)shnum * shentsize);
    end = max_u64(end, phoff + (uint64_t)phnum * phentsize);
    for (uint16_t i = 0; i < phnum; ++i) {
        Elf64_Phdr ph;
        if (!read_at(f, &ph, sizeof ph, phoff + (uint64_t)i * phentsize)) {
            return -1;
        }
        end = max_u64(end, get64(f, ph.p_offset) + get64(f, ph.p_filesz));
    }
    for (uint16_t i = 0; i < shnum; ++i) {
        Elf64_Shdr sh;
        if (!read_at(f, &sh, sizeof sh, shoff + (uint64_t)i * shentsize)) {
            return -1;
        }
        if (get32(f, sh.sh_type) != SHT_NOBITS) {
            end = max_u64(end, get64(f, sh.sh_offset) + get64(f, sh.sh_size));
        }
    }
    return (off_t)end;
}

static off_t size32(const elf_file *f)
{
    Elf32_Ehdr eh;
    if (!read_at(f, &eh, sizeof eh, 0)) {
        return -1;
    }
    uint64_t shoff = get32(f, eh.e_shoff), phoff = get32(f, eh.e_phoff);
    uint16_t shnum = get16(f, eh.e_shnum), phnum = get16(f, eh.e_phnum);
    uint16_t shentsize = get16(f, eh.e_shentsize), phentsize = get16(f, eh.e_phentsize);
    uint64_t end = max_u64(sizeof eh, shoff + (uint64_t)shnum * shentsize);
    end = max_u64(end, phoff + (uint64_t)phnum * phentsize);
    for (uint16_t i = 0; i < phnum; ++i) {
        Elf32_Phdr ph;
        if (!read_at(f, &ph, sizeof ph, phoff + (uint64_t)i * phentsize)) {
            return -1;
        }
        end = max_u64(end, (uint64_t)get32(f, ph.p_offset) + get32(f, ph.p_filesz));
    }
    for (uint16_t i = 0; i < shnum; ++i) {
        Elf32_Shdr sh;
        if (!read_at(f, &sh, sizeof sh, shoff + (uint64_t)i * shentsize)) {
            return -1;
        }
        if (get32(f, sh.sh_type) != SHT_NOBITS) {
            end = max_u64(end, (uint64_t)get32(f, sh.sh_offset) + get32(f, sh.sh_size));
        }
    }
    return (off_t)end;
}

off_t omni_elf_size(const char *path)
{
    elf_file f = {.fd = open(path, O_RDONLY | O_CLOEXEC), .swap = false};
    if (f.fd < 0) {
        perror(path);
        return -1;
    }
    unsigned char ident[EI_NIDENT];
    off_t size = -1;
    if (read_at(&f, ident, sizeof ident, 0) && memcmp(ident, ELFMAG, SELFMAG) == 0) {
        const unsigned char host = (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) ? ELFDATA2LSB : ELFDATA2MSB;
        f.swap = ident[EI_DATA] != host;
        if (ident[EI_CLASS] == ELFCLASS64) {
            size = size64(&f);
        } else if (ident[EI_CLASS] == ELFCLASS32) {
            size = size32(&f);
        }
    }
    close(f.fd);
    if (size < 0) {
        fprintf(stderr, "%s: not a readable ELF file\n", path);
    }
    return size;
}
