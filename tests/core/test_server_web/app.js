// SPDX-License-Identifier: MIT
console.log("test app");
