import '../dist/bundle-test/entry.js';
