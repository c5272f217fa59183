// Copies what tsc does not emit into dist/: the icons and the codex (*.node.json) files.
const { src, dest, parallel } = require('gulp');

const icons = () => src(['icons/**/*.svg'], { encoding: false }).pipe(dest('dist/icons'));
const codex = () => src(['nodes/**/*.node.json']).pipe(dest('dist/nodes'));

exports['build:assets'] = parallel(icons, codex);
