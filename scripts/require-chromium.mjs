// First step of `npm test`: stop at once, with the fix, when no Chromium is there to run the tests in.
import { chromiumPath, hasChromium } from './chromium-path.mjs';

if (!hasChromium()) {
  console.error(
    `No Chromium at ${chromiumPath()}.\n` +
      'The tests run in real Chromium. Install Debian\'s package:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chromium/Chrome binary.',
  );
  process.exit(1);
}
