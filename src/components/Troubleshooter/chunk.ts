/**
 * What the troubleshooter's page loads on demand (src/pages/troubleshoot.tsx): the component, and
 * the machine's builder, so that the page can build the machine in a task of its own.
 */
export { default } from './index';
export { troubleshooterMachine } from '@site/src/troubleshooter/troubleshooter.machine';
