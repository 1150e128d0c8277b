/**
 * The official ECS (2014-05-26) client's `endpointMap`: regions whose endpoint is not `ecs.<region>.aliyuncs.com`.
 * Copied, entry for entry, from the generated client of the Alibaba Cloud SDKs (Darabonba spec shared by
 * `@alicloud/ecs20140526` `src/client.ts` and `aliyun/alibabacloud-php-sdk` `ecs-20140526/src/Ecs.php`, read at
 * commit 008c889c81a5344abc750b0922c7cdc567a31bc6). Every other region follows the SDK's "regional" rule.
 * @public
 */
export const ECS_ENDPOINT_MAP: Readonly<Record<string, string>> = Object.freeze({
  "cn-hangzhou": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shanghai-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shenzhen-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-north-2-gov-1": "ecs.aliyuncs.com",
  "ap-northeast-2-pop": "ecs.aliyuncs.com",
  "cn-beijing-finance-pop": "ecs.aliyuncs.com",
  "cn-beijing-gov-1": "ecs.aliyuncs.com",
  "cn-beijing-nu16-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-edge-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
  "cn-fujian": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-haidian-cm12-c01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-bj-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-finance": "ecs.aliyuncs.com",
  "cn-hangzhou-internal-prod-1": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-internal-test-2": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-internal-test-3": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hangzhou-test-306": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-hongkong-finance-pop": "ecs.aliyuncs.com",
  "cn-huhehaote-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
  "cn-shanghai-et15-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shanghai-et2-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shanghai-inner": "ecs.aliyuncs.com",
  "cn-shanghai-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shenzhen-inner": "ecs.aliyuncs.com",
  "cn-shenzhen-st4-d01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-shenzhen-su18-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-wuhan": "ecs.aliyuncs.com",
  "cn-yushanfang": "ecs.aliyuncs.com",
  "cn-zhangbei": "ecs.aliyuncs.com",
  "cn-zhangbei-na61-b01": "ecs-cn-hangzhou.aliyuncs.com",
  "cn-zhangjiakou-na62-a01": "ecs.cn-zhangjiakou.aliyuncs.com",
  "cn-zhengzhou-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
  "eu-west-1-oxs": "ecs.cn-shenzhen-cloudstone.aliyuncs.com",
  "rus-west-1-pop": "ecs.aliyuncs.com",
});

/**
 * The ECS host the official SDK picks for a region (public network, no suffix): its endpoint map, else the
 * regional rule `ecs.<region>.aliyuncs.com`.
 * @public
 */
export function resolveEcsEndpointHost(region: string): string {
  return Object.hasOwn(ECS_ENDPOINT_MAP, region) ? (ECS_ENDPOINT_MAP[region] as string) : `ecs.${region}.aliyuncs.com`;
}
