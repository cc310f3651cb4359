// Reads the entries of a zip file (a .vsix is one) without an unzip program, which a fresh machine may not have:
// the central directory at the end of the file lists every entry, and an entry's bytes are stored or deflated.
const fs = require('node:fs');
const zlib = require('node:zlib');

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

function findEndOfCentralDirectory(bytes) {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it is searched for backwards from the end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectorySignature) return at;
  }
  throw new Error('not a zip file: no end of central directory record');
}

/**
 * @param {string} zipPath
 * @returns {{ name: string, size: number, read: () => Buffer }[]}
 */
function readZipEntries(zipPath) {
  const bytes = fs.readFileSync(zipPath);
  const end = findEndOfCentralDirectory(bytes);
  const entryCount = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < entryCount; i++) {
    if (bytes.readUInt32LE(at) !== centralDirectoryEntrySignature) throw new Error(`broken central directory entry ${i}`);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, size, read: () => readEntryData(bytes, localHeaderOffset, method, compressedSize, name) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntryData(bytes, localHeaderOffset, method, compressedSize, name) {
  if (bytes.readUInt32LE(localHeaderOffset) !== localHeaderSignature) throw new Error(`broken local header of ${name}`);
  // The local header's own name and extra field lengths may differ from the central directory's.
  const dataStart = localHeaderOffset + 30 + bytes.readUInt16LE(localHeaderOffset + 26) + bytes.readUInt16LE(localHeaderOffset + 28);
  const data = bytes.subarray(dataStart, dataStart + compressedSize);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${name} uses compression method ${method}, which this reader does not know`);
}

module.exports = { readZipEntries };
